"""A new CHECK constraint is verified against every row under ACCESS EXCLUSIVE."""

from __future__ import annotations

from collections.abc import Iterator

from alembic_lockplane.diff.changes import AddConstraint, Change
from alembic_lockplane.model.objects import ConstraintKind
from alembic_lockplane.plan.model import Safety
from alembic_lockplane.render.quote import quote_ident
from alembic_lockplane.safety.context import (
    NOT_VALID_THEN_VALIDATE,
    SafetyContext,
    added_constraint_on_existing_table,
    uses_strategy,
)
from alembic_lockplane.safety.rule import Hit, Rule, table_name


def _check(change: Change, ctx: SafetyContext) -> Iterator[Hit]:
    if not isinstance(change, AddConstraint) or change.new.kind is not ConstraintKind.CHECK:
        return
    if added_constraint_on_existing_table(change, ctx) and not uses_strategy(
        ctx, NOT_VALID_THEN_VALIDATE
    ):
        yield {"constraint": quote_ident(change.new.name), "table": table_name(change.table)}


RULE = Rule(
    code="add_check_constraint",
    level=Safety.REVIEW,
    title="New CHECK constraint on an existing table",
    message=(
        "Adding CHECK constraint {constraint} to {table} reads every row to verify it while "
        "holding an ACCESS EXCLUSIVE lock (no reads or writes meanwhile), and fails if a row "
        "violates it."
    ),
    hint=(
        "Add it NOT VALID (no scan; new rows are checked at once), then VALIDATE CONSTRAINT in "
        "a later step, which scans under SHARE UPDATE EXCLUSIVE while reads and writes go on. "
        "Allow with --allow add_check_constraint."
    ),
    blocking=False,
    check=_check,
    lock="ACCESS EXCLUSIVE",
)
