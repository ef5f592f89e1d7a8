"""A changed generation expression drops and re-adds the column: a full table rewrite."""

from __future__ import annotations

from collections.abc import Iterator

from alembic_lockplane.diff.changes import Change, ReplaceGeneratedColumn
from alembic_lockplane.plan.model import Safety
from alembic_lockplane.safety.context import SafetyContext, is_existing_table
from alembic_lockplane.safety.rule import Hit, Rule, column_name


def _check(change: Change, ctx: SafetyContext) -> Iterator[Hit]:
    if not isinstance(change, ReplaceGeneratedColumn) or not is_existing_table(ctx, change.table):
        return
    if change.old.generated is not None and change.new.generated is not None:
        yield {"column": column_name(change.table, change.old.name)}


RULE = Rule(
    code="generated_expression_change",
    level=Safety.REVIEW,
    title="Generation expression changed",
    message=(
        "Changing the expression of generated column {column} drops and re-adds it: every "
        "row is recomputed in a table rewrite under an ACCESS EXCLUSIVE lock, and indexes or "
        "constraints on the column are dropped with it."
    ),
    hint=(
        "On a large table, add a new generated column beside it, switch the application, then "
        "drop the old one; or run it in a maintenance window. Allow with "
        "--allow generated_expression_change."
    ),
    blocking=False,
    check=_check,
    lock="ACCESS EXCLUSIVE",
)
