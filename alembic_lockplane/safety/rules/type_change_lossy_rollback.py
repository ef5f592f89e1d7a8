"""A widening type change is safe forward, but its rollback narrows the column again."""

from __future__ import annotations

from collections.abc import Iterator

from alembic_lockplane.diff.changes import AlterColumnType, Change
from alembic_lockplane.plan.model import Safety
from alembic_lockplane.safety.context import SafetyContext, is_existing_table
from alembic_lockplane.safety.rule import Hit, Rule, column_name
from alembic_lockplane.safety.types import classify


def _check(change: Change, ctx: SafetyContext) -> Iterator[Hit]:
    if not isinstance(change, AlterColumnType) or not is_existing_table(ctx, change.table):
        return
    facts = classify(change.old.type, change.new.type)
    if facts.widening:
        yield {
            "column": column_name(change.table, change.old.name),
            "old": change.old.type,
            "new": change.new.type,
            "reason": facts.reason,
        }


RULE = Rule(
    code="type_change_lossy_rollback",
    level=Safety.LOSSY,
    title="Widening type change with a narrowing rollback",
    message=(
        "Changing {column} from {old} to {new} is safe forward ({reason}), but the rollback "
        "converts back to {old}: values written in the meantime that do not fit make the "
        "rollback fail or are rounded or truncated by it."
    ),
    hint=(
        "Treat the change as one-way once new values are written, or check the data before "
        "rolling back. Allow with --allow type_change_lossy_rollback."
    ),
    blocking=False,
    check=_check,
)
