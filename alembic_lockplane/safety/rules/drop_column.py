"""Dropping a column deletes its values; the rollback brings the column back empty."""

from __future__ import annotations

from collections.abc import Iterator

from alembic_lockplane.diff.changes import Change, DropColumn
from alembic_lockplane.plan.model import Safety
from alembic_lockplane.safety.context import SafetyContext
from alembic_lockplane.safety.rule import Hit, Rule, column_name


def _check(change: Change, ctx: SafetyContext) -> Iterator[Hit]:
    if not isinstance(change, DropColumn):
        return
    table = ctx.desired.table(*change.table)
    kept = table.column(change.old.name) if table is not None else None
    if change.old.generated is not None and kept is not None and kept.generated is not None:
        return  # a generated column dropped and added again (recomputed) around a type change
    yield {"column": column_name(change.table, change.old.name)}


RULE = Rule(
    code="drop_column",
    level=Safety.DANGEROUS,
    title="Drop column",
    message=(
        "Drops column {column} and its values (ACCESS EXCLUSIVE lock); the rollback adds the "
        "column back with its definition but without its data, and running code that still "
        "selects or inserts it fails."
    ),
    hint=(
        "Stop using the column in the application first, deploy, then drop it in a later "
        "migration; copy the values out if they may be needed. Allow with --allow drop_column."
    ),
    blocking=True,
    check=_check,
    lock="ACCESS EXCLUSIVE",
)
