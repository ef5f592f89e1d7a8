"""``CREATE INDEX`` without CONCURRENTLY blocks every write to the table while it builds."""

from __future__ import annotations

from collections.abc import Iterator

from alembic_lockplane.diff.changes import Change, CreateIndex
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
    if not isinstance(change, CreateIndex) or not is_existing_table(ctx, change.table):
        return
    if not uses_strategy(ctx, CONCURRENT_INDEX):
        yield {
            "index": qualified(change.new.schema, change.new.name),
            "table": table_name(change.table),
        }


RULE = Rule(
    code="create_index_non_concurrent",
    level=Safety.REVIEW,
    title="Index built without CONCURRENTLY",
    message=(
        "Creating index {index} reads the whole of {table} while holding a SHARE lock: reads "
        "go on, but every INSERT, UPDATE and DELETE waits until the build finishes."
    ),
    hint=(
        "Use CREATE INDEX CONCURRENTLY, outside a transaction (in Alembic, inside "
        "op.get_context().autocommit_block()); if it fails, drop the INVALID index it leaves "
        "and retry. Allow with --allow create_index_non_concurrent."
    ),
    blocking=False,
    check=_check,
    lock="SHARE",
)
