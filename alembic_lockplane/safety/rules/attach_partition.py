"""Attaching an existing table as a partition checks every row against the bound."""

from __future__ import annotations

from collections.abc import Iterator

from alembic_lockplane.diff.changes import AttachPartition, Change
from alembic_lockplane.plan.model import Safety
from alembic_lockplane.render.quote import qualified
from alembic_lockplane.safety.context import SafetyContext
from alembic_lockplane.safety.rule import Hit, Rule, table_name


def _check(change: Change, ctx: SafetyContext) -> Iterator[Hit]:
    if isinstance(change, AttachPartition) and change.table not in ctx.created_tables:
        of = change.partition_of
        yield {
            "table": table_name(change.table),
            "parent": qualified(of.schema, of.table),
            "bound": of.bound,
        }


RULE = Rule(
    code="attach_partition",
    level=Safety.REVIEW,
    title="Attach a table as a partition",
    message=(
        "Attaches {table} to {parent} as the partition {bound}: holds ACCESS EXCLUSIVE on "
        "{table} while it reads every row to check the bound (and the default partition of "
        "{parent}, if any, for rows that now belong to {table}); the step fails if a row is "
        "outside the bound."
    ),
    hint=(
        "Check first that no row of {table} falls outside {bound}; a validated CHECK "
        "constraint on {table} that implies the bound lets PostgreSQL skip the scan. Allow "
        "with --allow attach_partition."
    ),
    blocking=False,
    check=_check,
)
