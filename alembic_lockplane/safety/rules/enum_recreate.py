"""Recreating an enum converts every column using it: a rewrite of each of those tables."""

from __future__ import annotations

from collections.abc import Iterator

from alembic_lockplane.diff.changes import Change, RecreateEnum
from alembic_lockplane.plan.model import Safety
from alembic_lockplane.render.quote import qualified
from alembic_lockplane.safety.context import SafetyContext, is_existing_table
from alembic_lockplane.safety.rule import Hit, Rule, column_name


def _check(change: Change, ctx: SafetyContext) -> Iterator[Hit]:
    if not isinstance(change, RecreateEnum):
        return
    columns = sorted(
        {
            column_name(u.table, u.column.name)
            for u in change.uses
            if is_existing_table(ctx, u.table)
        }
    )
    if columns:
        yield {
            "type": qualified(change.old.schema, change.old.name),
            "columns": ", ".join(columns),
        }


RULE = Rule(
    code="enum_recreate",
    level=Safety.REVIEW,
    title="Enum type recreated",
    message=(
        "Changing type {type} other than by adding one value recreates it and converts "
        "{columns} to the new type: each of those tables is rewritten under an ACCESS "
        "EXCLUSIVE lock (no reads or writes meanwhile)."
    ),
    hint=(
        "Add values one at a time (ALTER TYPE ... ADD VALUE needs no rewrite) and keep the "
        "existing order; otherwise run it when the tables are small or in a maintenance "
        "window. Allow with --allow enum_recreate."
    ),
    blocking=False,
    check=_check,
    lock="ACCESS EXCLUSIVE",
)
