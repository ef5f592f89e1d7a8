"""Dropping a table deletes every row; the rollback can only recreate it empty."""

from __future__ import annotations

from collections.abc import Iterator

from alembic_lockplane.diff.changes import Change, DropTable
from alembic_lockplane.plan.model import Safety
from alembic_lockplane.safety.context import SafetyContext
from alembic_lockplane.safety.rule import Hit, Rule, table_name


def _check(change: Change, ctx: SafetyContext) -> Iterator[Hit]:
    if isinstance(change, DropTable):
        yield {"table": table_name(change.table)}


RULE = Rule(
    code="drop_table",
    level=Safety.DANGEROUS,
    title="Drop table",
    message=(
        "Drops table {table} and every row in it (ACCESS EXCLUSIVE lock); the rollback "
        "recreates the table empty."
    ),
    hint=(
        "Copy or back up the rows first and drop the table only after no deployed code reads "
        "or writes it; allow with --allow drop_table."
    ),
    blocking=True,
    check=_check,
    lock="ACCESS EXCLUSIVE",
)
