"""``SET LOGGED`` / ``SET UNLOGGED`` writes the whole table anew under ACCESS EXCLUSIVE."""

from __future__ import annotations

from collections.abc import Iterator

from alembic_lockplane.diff.changes import Change
from alembic_lockplane.diff.changes_storage import SetLogged
from alembic_lockplane.plan.model import Safety
from alembic_lockplane.safety.context import SafetyContext, is_existing_table
from alembic_lockplane.safety.rule import Hit, Rule, table_name


def _check(change: Change, ctx: SafetyContext) -> Iterator[Hit]:
    if isinstance(change, SetLogged) and is_existing_table(ctx, change.table):
        yield {
            "table": table_name(change.table),
            "action": "SET UNLOGGED" if change.unlogged else "SET LOGGED",
        }


RULE = Rule(
    code="set_logged",
    level=Safety.REVIEW,
    title="Table made logged or unlogged",
    message=(
        "ALTER TABLE {table} {action} writes the whole table and all its indexes anew while "
        "holding an ACCESS EXCLUSIVE lock: no reads or writes until it finishes, which takes "
        "as long as copying the table (SET LOGGED also writes all of it to the WAL)."
    ),
    hint=(
        "On a large table, run it in a maintenance window. An unlogged table is emptied after "
        "a crash and is not replicated to standbys. Allow with --allow set_logged."
    ),
    blocking=False,
    check=_check,
    lock="ACCESS EXCLUSIVE",
)
