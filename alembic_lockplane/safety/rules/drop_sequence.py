"""Dropping a sequence loses its position; the rollback restarts it and ids collide."""

from __future__ import annotations

from collections.abc import Iterator

from alembic_lockplane.diff.changes import Change, DropSequence
from alembic_lockplane.plan.model import Safety
from alembic_lockplane.render.quote import qualified
from alembic_lockplane.safety.context import SafetyContext
from alembic_lockplane.safety.rule import Hit, Rule


def _check(change: Change, ctx: SafetyContext) -> Iterator[Hit]:
    if isinstance(change, DropSequence):
        seq = change.old
        yield {"sequence": qualified(seq.schema, seq.name), "start": str(seq.start)}


RULE = Rule(
    code="drop_sequence",
    level=Safety.DANGEROUS,
    title="Drop sequence",
    message=(
        "Drops sequence {sequence} and its current value; the rollback recreates it starting "
        "at {start}, so values it hands out again can collide with ids already stored, and "
        "defaults calling nextval() on it fail meanwhile."
    ),
    hint=(
        "Remove the defaults that use it first; if it may come back, record "
        "last_value before dropping and setval() it after a rollback. Allow with "
        "--allow drop_sequence."
    ),
    blocking=True,
    check=_check,
)
