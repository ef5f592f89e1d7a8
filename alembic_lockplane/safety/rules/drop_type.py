"""Dropping a composite or range type breaks code that names it or builds its values."""

from __future__ import annotations

from collections.abc import Iterator

from alembic_lockplane.diff.changes import Change
from alembic_lockplane.diff.changes_types import DropCompositeType, DropRangeType
from alembic_lockplane.plan.model import Safety
from alembic_lockplane.render.quote import qualified
from alembic_lockplane.safety.context import SafetyContext
from alembic_lockplane.safety.rule import Hit, Rule


def _check(change: Change, ctx: SafetyContext) -> Iterator[Hit]:
    match change:
        case DropCompositeType(old=t):
            yield {"kind": "composite type", "type": qualified(t.schema, t.name)}
        case DropRangeType(old=t):
            yield {"kind": "range type", "type": qualified(t.schema, t.name)}


RULE = Rule(
    code="drop_type",
    level=Safety.DANGEROUS,
    title="Drop composite or range type",
    message=(
        "Drops {kind} {type}: queries, functions and client code that name the type, cast to "
        "it or call its constructors fail; the rollback recreates it with a new OID, which "
        "clients that cached the old one do not see until they reconnect."
    ),
    hint=(
        "Move every column and function off the type and deploy code that no longer names "
        "it before dropping; allow with --allow drop_type."
    ),
    blocking=False,
    check=_check,
)
