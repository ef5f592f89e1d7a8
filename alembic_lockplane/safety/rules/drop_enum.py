"""Dropping an enum type breaks code that casts to it or passes its values."""

from __future__ import annotations

from collections.abc import Iterator

from alembic_lockplane.diff.changes import Change, DropEnum
from alembic_lockplane.plan.model import Safety
from alembic_lockplane.render.quote import qualified
from alembic_lockplane.safety.context import SafetyContext
from alembic_lockplane.safety.rule import Hit, Rule


def _check(change: Change, ctx: SafetyContext) -> Iterator[Hit]:
    if isinstance(change, DropEnum):
        yield {"type": qualified(change.old.schema, change.old.name)}


RULE = Rule(
    code="drop_enum",
    level=Safety.DANGEROUS,
    title="Drop enum type",
    message=(
        "Drops type {type}: queries, functions and client code that name the type or cast to "
        "it fail; the rollback recreates it with a new OID, which clients that cached the "
        "old one (prepared statements, type adapters) do not see until they reconnect."
    ),
    hint=(
        "Move every column and function off the type and deploy code that no longer names "
        "it before dropping; allow with --allow drop_enum."
    ),
    blocking=False,
    check=_check,
)
