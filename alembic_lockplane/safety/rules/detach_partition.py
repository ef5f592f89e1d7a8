"""Detaching a partition keeps its rows, but its parent no longer shows them."""

from __future__ import annotations

from collections.abc import Iterator

from alembic_lockplane.diff.changes import Change, DetachPartition
from alembic_lockplane.plan.model import Safety
from alembic_lockplane.render.quote import qualified
from alembic_lockplane.safety.context import SafetyContext
from alembic_lockplane.safety.rule import Hit, Rule, table_name


def _check(change: Change, ctx: SafetyContext) -> Iterator[Hit]:
    if isinstance(change, DetachPartition):
        of = change.partition_of
        yield {"table": table_name(change.table), "parent": qualified(of.schema, of.table)}


RULE = Rule(
    code="detach_partition",
    level=Safety.REVIEW,
    title="Detach a partition",
    message=(
        "Detaches {table} from {parent} (ACCESS EXCLUSIVE on both): its rows stay in {table}, "
        "but queries on {parent} stop seeing them, and rows inserted into {parent} for its "
        "range go to the default partition or fail, until it is attached again."
    ),
    hint=(
        "Run it when nothing needs those rows through {parent}; the plan attaches it again "
        "in a later step when only its bound or parent changes. Allow with "
        "--allow detach_partition."
    ),
    blocking=False,
    check=_check,
)
