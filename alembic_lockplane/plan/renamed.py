"""A plan that starts with explicit renames (``diff/renames.py``), then the usual steps."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from alembic_lockplane.diff.renames import Rename
from alembic_lockplane.model.objects import Schema
from alembic_lockplane.model.serde import canonical_hash
from alembic_lockplane.plan.model import Plan, Step


def plan_with_renames(
    current: Schema,
    after_renames: Schema,
    renames: Sequence[Rename],
    build: Callable[[Schema], Plan],
) -> Plan:
    """Renames first, then ``build(after_renames)`` (the plan from the renamed schema to the
    desired one). Each rename is its own step; its rollback renames back. ``source_hash``
    is the hash of ``current``, so the drift guard checks the database before the renames."""
    rest = build(after_renames)
    steps = tuple(
        Step(
            description=r.description,
            sql=(r.sql(),),
            rollback=(r.reverse().sql(),),
            lock=r.lock,  # held for a moment: a catalog change, no rewrite, no scan
        )
        for r in renames
    )
    return Plan(canonical_hash(current), rest.target_hash, steps + rest.steps)
