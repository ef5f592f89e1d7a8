"""Dropping a schema breaks every name that refers to it."""

from __future__ import annotations

from collections.abc import Iterator

from alembic_lockplane.diff.changes import Change, DropSchema
from alembic_lockplane.plan.model import Safety
from alembic_lockplane.render.quote import quote_ident
from alembic_lockplane.safety.context import SafetyContext
from alembic_lockplane.safety.rule import Hit, Rule


def _check(change: Change, ctx: SafetyContext) -> Iterator[Hit]:
    if isinstance(change, DropSchema):
        yield {"schema": quote_ident(change.old.name)}


RULE = Rule(
    code="drop_schema",
    level=Safety.DANGEROUS,
    title="Drop schema",
    message=(
        "Drops schema {schema}: the objects lockplane manages in it are dropped by their own "
        "steps, the DROP fails if anything else is still inside, and code, grants and "
        "search_path settings that name it break."
    ),
    hint=(
        "Check that nothing outside the managed schema lives in it and no client uses it; "
        "allow with --allow drop_schema."
    ),
    blocking=False,
    check=_check,
)
