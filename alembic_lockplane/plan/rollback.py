"""The rollback of a plan: its steps' reverses, last step first.

Each forward step already carries its rollback SQL (``render(change.reverse())``), so the
rollback plan is read off the forward plan; nothing is re-derived from SQL text. Its
``source_hash`` is the forward plan's ``target_hash``, so applying it is drift-guarded
like any plan. The reverse changes are not re-assessed (the plan file does not hold
them), so every rollback step is marked ``review``: a human reads a rollback before it runs.
"""

from __future__ import annotations

from alembic_lockplane.errors import PlanError
from alembic_lockplane.model.objects import Schema
from alembic_lockplane.model.serde import canonical_hash
from alembic_lockplane.plan.model import Plan, Safety, Step
from alembic_lockplane.render.transactions import step_runs_in_transaction

PREFIX = "Rollback: "


def rollback_plan(plan: Plan, current: Schema) -> Plan:
    """The plan undoing ``plan``; ``current`` is the schema ``plan`` was made from.

    Raises ``PlanError`` when ``current`` is not that schema (our plans record both
    hashes) or when a step has no rollback.
    """
    if plan.target_hash and plan.source_hash and plan.source_hash != canonical_hash(current):
        raise PlanError(
            "the plan was not made from this schema (its source_hash differs)",
            hint="pass the same --from schema the plan was made with",
        )
    steps: list[Step] = []
    for number, step in reversed(list(enumerate(plan.steps, start=1))):
        if step.rollback is None:
            raise PlanError(
                f"step {number} ({step.description}) has no rollback",
                hint="the change cannot be undone by SQL; restore from a backup instead",
            )
        steps.append(
            Step(
                description=PREFIX + step.description,
                sql=step.rollback,
                safety=Safety.REVIEW,
                findings=(),
                transactional=step_runs_in_transaction(step.rollback),
                rollback=step.sql,
                lock=None,
            )
        )
    return Plan(
        source_hash=plan.target_hash,
        target_hash=plan.source_hash or canonical_hash(current),
        steps=tuple(steps),
    )
