"""A new PRIMARY KEY builds its index (and proves NOT NULL) under ACCESS EXCLUSIVE."""

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
    kind = change.new.kind if isinstance(change, AddConstraint) else None
    if kind is not ConstraintKind.PRIMARY_KEY:
        return
    assert isinstance(change, AddConstraint)
    if added_constraint_on_existing_table(change, ctx) and not uses_strategy(ctx, UNIQUE_VIA_INDEX):
        yield {"constraint": quote_ident(change.new.name), "table": table_name(change.table)}


RULE = Rule(
    code="add_primary_key",
    level=Safety.REVIEW,
    title="New PRIMARY KEY on an existing table",
    message=(
        "Adding primary key {constraint} to {table} builds a unique index by reading the "
        "whole table, and sets its columns NOT NULL with another full scan, all while "
        "holding an ACCESS EXCLUSIVE lock; it fails on duplicates or NULLs."
    ),
    hint=(
        "Make the columns NOT NULL the safe way first, CREATE UNIQUE INDEX CONCURRENTLY, then "
        "ALTER TABLE ... ADD CONSTRAINT {constraint} PRIMARY KEY USING INDEX. Allow with "
        "--allow add_primary_key."
    ),
    blocking=False,
    check=_check,
    lock="ACCESS EXCLUSIVE",
)
