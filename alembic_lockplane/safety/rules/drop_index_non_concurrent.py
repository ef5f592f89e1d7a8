"""``DROP INDEX`` without CONCURRENTLY takes ACCESS EXCLUSIVE on the table."""

from __future__ import annotations

from collections.abc import Iterator

from alembic_lockplane.diff.changes import Change, DropIndex
from alembic_lockplane.plan.model import Safety
from alembic_lockplane.render.quote import qualified
from alembic_lockplane.safety.context import (
    CONCURRENT_INDEX,
    SafetyContext,
    is_existing_table,
    uses_strategy,
)
from alembic_lockplane.safety.rule import Hit, Rule, table_name


def _check(change: Change, ctx: SafetyContext) -> Iterator[Hit]:
    if not isinstance(change, DropIndex) or not is_existing_table(ctx, change.table):
        return
    if ctx.desired.table(*change.table) is None or uses_strategy(ctx, CONCURRENT_INDEX):
        return  # the table itself is dropped (its own finding), or the drop is concurrent
    yield {
        "index": qualified(change.old.schema, change.old.name),
        "table": table_name(change.table),
    }


RULE = Rule(
    code="drop_index_non_concurrent",
    level=Safety.REVIEW,
    title="Index dropped without CONCURRENTLY",
    message=(
        "Dropping index {index} takes an ACCESS EXCLUSIVE lock on {table}: it waits for every "
        "running query on the table, and all new queries queue behind it meanwhile; queries "
        "that used the index may become slow afterwards."
    ),
    hint=(
        "Use DROP INDEX CONCURRENTLY, outside a transaction (in Alembic, inside "
        "op.get_context().autocommit_block()), and set a lock_timeout. Allow with "
        "--allow drop_index_non_concurrent."
    ),
    blocking=False,
    check=_check,
    lock="ACCESS EXCLUSIVE",
)
