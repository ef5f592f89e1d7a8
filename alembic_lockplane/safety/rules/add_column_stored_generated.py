"""A new stored generated column is computed for every existing row: a table rewrite."""

from __future__ import annotations

from collections.abc import Iterator

from alembic_lockplane.diff.changes import AddColumn, Change
from alembic_lockplane.plan.model import Safety
from alembic_lockplane.safety.context import SafetyContext, is_existing_table
from alembic_lockplane.safety.rule import Hit, Rule, column_name


def _check(change: Change, ctx: SafetyContext) -> Iterator[Hit]:
    if not isinstance(change, AddColumn) or not is_existing_table(ctx, change.table):
        return
    if change.new.generated is not None:
        yield {"column": column_name(change.table, change.new.name)}


RULE = Rule(
    code="add_column_stored_generated",
    level=Safety.REVIEW,
    title="New stored generated column",
    message=(
        "Adding generated column {column} computes and stores it for every existing row: the "
        "table is rewritten under an ACCESS EXCLUSIVE lock (no reads or writes meanwhile)."
    ),
    hint=(
        "On a large table, add a plain nullable column, fill it in batches and keep it "
        "current with a trigger, or run the change in a maintenance window. Allow with "
        "--allow add_column_stored_generated."
    ),
    blocking=False,
    check=_check,
    lock="ACCESS EXCLUSIVE",
)
