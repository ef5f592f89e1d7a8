"""A new UNIQUE constraint builds its index under ACCESS EXCLUSIVE."""

from __future__ import annotations

from collections.abc import Iterator

from alembic_lockplane.diff.changes import AddConstraint, Change
from alembic_lockplane.model.objects import ConstraintKind
from alembic_lockplane.plan.model import Safety
from alembic_lockplane.render.quote import quote_ident
from alembic_lockplane.safety.context import (
    UNIQUE_VIA_INDEX,
    SafetyContext,
    added_constraint_on_existing_table,
    uses_strategy,
)
from alembic_lockplane.safety.rule import Hit, Rule, table_name


def _check(change: Change, ctx: SafetyContext) -> Iterator[Hit]:
    if not isinstance(change, AddConstraint) or change.new.kind is not ConstraintKind.UNIQUE:
        return
    if added_constraint_on_existing_table(change, ctx) and not uses_strategy(ctx, UNIQUE_VIA_INDEX):
        yield {"constraint": quote_ident(change.new.name), "table": table_name(change.table)}


RULE = Rule(
    code="add_unique_constraint",
    level=Safety.REVIEW,
    title="New UNIQUE constraint on an existing table",
    message=(
        "Adding UNIQUE constraint {constraint} to {table} builds its index by reading the "
        "whole table while holding an ACCESS EXCLUSIVE lock (no reads or writes meanwhile), "
        "and fails if duplicates exist."
    ),
    hint=(
        "CREATE UNIQUE INDEX CONCURRENTLY first (outside a transaction), then ALTER TABLE ... "
        "ADD CONSTRAINT {constraint} UNIQUE USING INDEX, which only takes the lock briefly. "
        "Allow with --allow add_unique_constraint."
    ),
    blocking=False,
    check=_check,
    lock="ACCESS EXCLUSIVE",
)
