"""``SET NOT NULL`` scans the whole table under ACCESS EXCLUSIVE to prove there are no NULLs."""

from __future__ import annotations

from collections.abc import Iterator

from alembic_lockplane.diff.changes import Change, SetNotNull
from alembic_lockplane.model.objects import ConstraintKind, Schema
from alembic_lockplane.plan.model import Safety
from alembic_lockplane.render.quote import quote_ident
from alembic_lockplane.safety.context import (
    NOT_NULL_VIA_CHECK,
    SafetyContext,
    is_existing_table,
    uses_strategy,
)
from alembic_lockplane.safety.rule import Hit, Rule, column_name


def proven_by_check(schema: Schema, table: tuple[str, str], column: str) -> bool:
    """A validated ``CHECK (col IS NOT NULL)`` already proves it: PostgreSQL 12+ skips the scan."""
    t = schema.table(table[0], table[1])
    if t is None:
        return False
    wanted = f"CHECK (({quote_ident(column)} IS NOT NULL))"
    return any(
        c.kind is ConstraintKind.CHECK and c.validated and c.definition == wanted
        for c in t.constraints
    )


def _check(change: Change, ctx: SafetyContext) -> Iterator[Hit]:
    if not isinstance(change, SetNotNull) or not is_existing_table(ctx, change.table):
        return
    if uses_strategy(ctx, NOT_NULL_VIA_CHECK):
        return
    if proven_by_check(ctx.current, change.table, change.old.name):
        return
    yield {"column": column_name(change.table, change.old.name), "name": change.old.name}


RULE = Rule(
    code="set_not_null",
    level=Safety.REVIEW,
    title="SET NOT NULL on an existing table",
    message=(
        "SET NOT NULL on {column} reads every row to prove there is no NULL while holding an "
        "ACCESS EXCLUSIVE lock (no reads or writes meanwhile), and fails if one is found."
    ),
    hint=(
        "Add CHECK ({name} IS NOT NULL) NOT VALID, VALIDATE CONSTRAINT it (SHARE UPDATE "
        "EXCLUSIVE: reads and writes go on), then SET NOT NULL, which PostgreSQL 12+ does "
        "without a scan, and drop the CHECK. Allow with --allow set_not_null."
    ),
    blocking=False,
    check=_check,
    lock="ACCESS EXCLUSIVE",
)
