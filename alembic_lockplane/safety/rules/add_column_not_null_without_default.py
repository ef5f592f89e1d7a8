"""A NOT NULL column with no default cannot be added to a table that has rows."""

from __future__ import annotations

from collections.abc import Iterator

from alembic_lockplane.diff.changes import AddColumn, Change
from alembic_lockplane.plan.model import Safety
from alembic_lockplane.safety.context import SafetyContext, is_existing_table
from alembic_lockplane.safety.rule import Hit, Rule, column_name


def _check(change: Change, ctx: SafetyContext) -> Iterator[Hit]:
    if not isinstance(change, AddColumn) or not is_existing_table(ctx, change.table):
        return
    col = change.new
    if col.not_null and col.default is None and col.identity is None and col.generated is None:
        yield {"column": column_name(change.table, col.name), "name": col.name}


RULE = Rule(
    code="add_column_not_null_without_default",
    level=Safety.DANGEROUS,
    title="New NOT NULL column without a default",
    message=(
        "Adding {column} as NOT NULL without a default fails on any table that has a row "
        "(existing rows would hold NULL), and on an empty table it breaks every running "
        "INSERT that does not name the new column."
    ),
    hint=(
        "Add the column with a constant DEFAULT (no rewrite since PostgreSQL 11), or add it "
        "nullable, backfill, then SET NOT NULL the safe way; drop the default later if "
        "needed. Allow with --allow add_column_not_null_without_default."
    ),
    blocking=True,
    check=_check,
    lock="ACCESS EXCLUSIVE",
)
