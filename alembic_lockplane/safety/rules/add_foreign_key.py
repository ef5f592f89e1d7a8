"""A new foreign key checks every existing row while blocking writes on both tables."""

from __future__ import annotations

from collections.abc import Iterator

from alembic_lockplane.diff.changes import AddConstraint, Change
from alembic_lockplane.model.objects import ConstraintKind
from alembic_lockplane.plan.model import Safety
from alembic_lockplane.render.quote import qualified, quote_ident
from alembic_lockplane.safety.context import (
    NOT_VALID_THEN_VALIDATE,
    SafetyContext,
    added_constraint_on_existing_table,
    uses_strategy,
)
from alembic_lockplane.safety.rule import Hit, Rule, table_name


def _check(change: Change, ctx: SafetyContext) -> Iterator[Hit]:
    if not isinstance(change, AddConstraint) or change.new.kind is not ConstraintKind.FOREIGN_KEY:
        return
    if not added_constraint_on_existing_table(change, ctx) or uses_strategy(
        ctx, NOT_VALID_THEN_VALIDATE
    ):
        return
    ref = change.new.references
    yield {
        "constraint": quote_ident(change.new.name),
        "table": table_name(change.table),
        "referenced": qualified(ref.schema, ref.table) if ref else "the referenced table",
    }


RULE = Rule(
    code="add_foreign_key",
    level=Safety.REVIEW,
    title="New FOREIGN KEY on an existing table",
    message=(
        "Adding foreign key {constraint} to {table} looks up every existing row in "
        "{referenced} while holding SHARE ROW EXCLUSIVE locks on both tables (writes to "
        "either wait until it finishes), and fails if a row has no match."
    ),
    hint=(
        "Add it NOT VALID (no scan; new rows are checked at once), then VALIDATE CONSTRAINT in "
        "a later step, which takes only SHARE UPDATE EXCLUSIVE and lets writes go on. Allow "
        "with --allow add_foreign_key."
    ),
    blocking=False,
    check=_check,
    lock="SHARE ROW EXCLUSIVE",
)
