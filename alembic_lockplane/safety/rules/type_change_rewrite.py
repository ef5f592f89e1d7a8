"""A type change PostgreSQL cannot do in place rewrites the table under ACCESS EXCLUSIVE."""

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
    if facts.rewrite:
        yield {
            "column": column_name(change.table, change.old.name),
            "old": change.old.type,
            "new": change.new.type,
            "reason": facts.reason,
        }


RULE = Rule(
    code="type_change_rewrite",
    level=Safety.REVIEW,
    title="Type change that rewrites the table",
    message=(
        "Changing {column} from {old} to {new} ({reason}) rewrites the whole table and "
        "rebuilds all its indexes while holding an ACCESS EXCLUSIVE lock: no reads or writes "
        "until it finishes, which takes as long as copying the table."
    ),
    hint=(
        "On a large table: add a new column of the new type, backfill it in batches, switch "
        "the application, then drop the old column; or run it in a maintenance window. "
        "Allow with --allow type_change_rewrite."
    ),
    blocking=False,
    check=_check,
    lock="ACCESS EXCLUSIVE",
)
