"""Removing an enum value recreates the type; rows holding the value make it fail."""

from __future__ import annotations

from collections.abc import Iterator

from alembic_lockplane.diff.changes import Change, RecreateEnum
from alembic_lockplane.plan.model import Safety
from alembic_lockplane.render.quote import qualified, quote_literal
from alembic_lockplane.safety.context import SafetyContext
from alembic_lockplane.safety.rule import Hit, Rule


def _check(change: Change, ctx: SafetyContext) -> Iterator[Hit]:
    if not isinstance(change, RecreateEnum):
        return
    removed = [v for v in change.old.values if v not in change.new.values]
    if removed:
        yield {
            "type": qualified(change.old.schema, change.old.name),
            "values": ", ".join(quote_literal(v) for v in removed),
        }


RULE = Rule(
    code="enum_value_removed",
    level=Safety.DANGEROUS,
    title="Enum value removed",
    message=(
        "Removes {values} from type {type}: PostgreSQL cannot drop an enum value, so the type "
        "is recreated and every column using it is converted; the conversion fails on any "
        "row that holds a removed value, and code that still writes it breaks. A renamed "
        "value without a rename hint looks the same: removed plus added."
    ),
    hint=(
        "First UPDATE rows to other values and deploy code that no longer uses the removed "
        "ones. To rename a value instead (rows keep it, no rewrite), put "
        "the comment -- lockplane: renamed from 'old' on the line before the new value in CREATE "
        "TYPE ... AS ENUM (docs/renames.md). Allow with --allow enum_value_removed."
    ),
    blocking=True,
    check=_check,
    lock="ACCESS EXCLUSIVE",
)
