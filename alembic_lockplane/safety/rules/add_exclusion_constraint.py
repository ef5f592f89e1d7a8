"""A new EXCLUDE constraint builds its index under ACCESS EXCLUSIVE; no concurrent way."""

from __future__ import annotations

from collections.abc import Iterator

from alembic_lockplane.diff.changes import AddConstraint, Change
from alembic_lockplane.model.objects import ConstraintKind
from alembic_lockplane.plan.model import Safety
from alembic_lockplane.render.quote import quote_ident
from alembic_lockplane.safety.context import SafetyContext, added_constraint_on_existing_table
from alembic_lockplane.safety.rule import Hit, Rule, table_name


def _check(change: Change, ctx: SafetyContext) -> Iterator[Hit]:
    kind = change.new.kind if isinstance(change, AddConstraint) else None
    if kind is ConstraintKind.EXCLUSION and added_constraint_on_existing_table(change, ctx):
        assert isinstance(change, AddConstraint)
        yield {"constraint": quote_ident(change.new.name), "table": table_name(change.table)}


RULE = Rule(
    code="add_exclusion_constraint",
    level=Safety.REVIEW,
    title="New EXCLUDE constraint on an existing table",
    message=(
        "Adding exclusion constraint {constraint} to {table} builds its index by reading the "
        "whole table while holding an ACCESS EXCLUSIVE lock (no reads or writes meanwhile), "
        "and fails if existing rows conflict."
    ),
    hint=(
        "PostgreSQL has no concurrent or NOT VALID form for EXCLUDE constraints: run it in a "
        "maintenance window, or on a small table. Allow with --allow add_exclusion_constraint."
    ),
    blocking=False,
    check=_check,
    lock="ACCESS EXCLUSIVE",
)
