"""A new column whose default must be computed per row rewrites the table."""

from __future__ import annotations

from collections.abc import Iterator

from alembic_lockplane.diff.changes import AddColumn, Change
from alembic_lockplane.plan.model import Safety
from alembic_lockplane.safety.context import SafetyContext, is_existing_table
from alembic_lockplane.safety.rule import Hit, Rule, column_name
from alembic_lockplane.safety.volatility import volatile_calls


def _check(change: Change, ctx: SafetyContext) -> Iterator[Hit]:
    if not isinstance(change, AddColumn) or not is_existing_table(ctx, change.table):
        return
    col = change.new
    if col.identity is not None:
        cause = "identity (every row gets a value from its sequence),"
    elif col.default is not None and (calls := volatile_calls(col.default)):
        volatile = ", ".join(f"{c}()" for c in calls)
        cause = f"default {col.default}, which calls volatile {volatile},"
    else:
        return
    yield {"column": column_name(change.table, col.name), "cause": cause}


RULE = Rule(
    code="add_column_volatile_default",
    level=Safety.REVIEW,
    title="New column with a volatile default",
    message=(
        "Adding {column} with {cause} rewrites the whole table to store a value in every row, "
        "holding an ACCESS EXCLUSIVE lock throughout (a constant or stable default such as "
        "now() is stored once without a rewrite since PostgreSQL 11)."
    ),
    hint=(
        "Add the column without a default (or with a constant one), SET DEFAULT afterwards "
        "(only new rows use it), and backfill existing rows in batches. Allow with "
        "--allow add_column_volatile_default."
    ),
    blocking=False,
    check=_check,
    lock="ACCESS EXCLUSIVE",
)
