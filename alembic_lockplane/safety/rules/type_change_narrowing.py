"""A type that holds fewer values: existing rows may fail the change or be rounded."""

from __future__ import annotations

from collections.abc import Iterator

from alembic_lockplane.diff.changes import AlterColumnType, Change
from alembic_lockplane.plan.model import Safety
from alembic_lockplane.safety.context import SafetyContext, is_existing_table
from alembic_lockplane.safety.rule import Hit, Rule, column_name
from alembic_lockplane.safety.types import classify


def _check(change: Change, ctx: SafetyContext) -> Iterator[Hit]:
    if not isinstance(change, AlterColumnType) or not is_existing_table(ctx, change.table):
        return
    facts = classify(change.old.type, change.new.type)
    if facts.narrowing:
        yield {
            "column": column_name(change.table, change.old.name),
            "old": change.old.type,
            "new": change.new.type,
            "reason": facts.reason,
        }


RULE = Rule(
    code="type_change_narrowing",
    level=Safety.DANGEROUS,
    title="Narrowing type change",
    message=(
        "Changes {column} from {old} to {new} ({reason}): the change fails on the first row "
        "whose value does not fit, or, where the cast rounds or truncates, silently changes "
        "stored values; running code that writes wider values breaks afterwards."
    ),
    hint=(
        "Check the data first (e.g. SELECT count(*) WHERE length(col) > n or col > max), or "
        "add a new column of the new type, backfill it in batches, switch the application, "
        "then drop the old one. Allow with --allow type_change_narrowing."
    ),
    blocking=True,
    check=_check,
    lock="ACCESS EXCLUSIVE",
)
