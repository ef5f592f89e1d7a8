"""Two schemas -> a plan: diff, order, render each change and its reverse, assess safety.

One change becomes one step. The step's rollback is ``render(change.reverse())`` from the
*from* schema's objects the change holds, so a dropped column comes back with its exact
definition (its data does not; the safety findings say so).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from alembic_lockplane.diff.changes import (
    AddConstraint,
    AlterExtension,
    Change,
    CreateTable,
    TableKey,
)
from alembic_lockplane.diff.changes_types import AlterCompositeType
from alembic_lockplane.diff.diff import diff
from alembic_lockplane.model.objects import Schema
from alembic_lockplane.model.serde import canonical_hash
from alembic_lockplane.plan.model import Finding, Plan, Safety, Step
from alembic_lockplane.render import render
from alembic_lockplane.render.locks import NO_WORK, strongest_lock, table_work
from alembic_lockplane.render.strategies import Expansion, expand, resolve_strategies


@dataclass(frozen=True)
class PlanContext:
    """What a safety rule may know beyond its change (see ``safety.context.SafetyContext``).

    ``created_tables`` holds ``(schema, name)`` of the tables this plan creates: they are
    empty when later steps touch them, so lock and rewrite rules exempt them.
    ``strategies`` names the lock-safe strategies enabled for the plan; each change is
    assessed with a context whose ``strategies`` holds only the one its steps really use,
    so a rule goes quiet exactly when the plan takes the lock-safe way.
    """

    current: Schema
    desired: Schema
    created_tables: frozenset[tuple[str, str]] = frozenset()
    strategies: frozenset[str] = field(default_factory=frozenset)


Assess = Callable[[Change, PlanContext], list[Finding]]


def plan_context(
    current: Schema,
    desired: Schema,
    changes: list[Change],
    strategies: frozenset[str] = frozenset(),
) -> PlanContext:
    created = frozenset(
        (c.table.schema, c.table.name) for c in changes if isinstance(c, CreateTable)
    )
    return PlanContext(current, desired, created, strategies)


def has_honest_reverse(change: Change) -> bool:
    """False when running the reverse SQL cannot restore the old state.

    Extensions ship upgrade scripts, almost never downgrade ones, so ``ALTER EXTENSION
    ... UPDATE`` has no reverse that would run.
    """
    if isinstance(change, AlterExtension):
        return change.old.version == change.new.version
    if isinstance(change, AlterCompositeType):
        return change.reversible  # ADD ATTRIBUTE cannot put an attribute back mid-type
    return True


def build_step(change: Change, ctx: PlanContext, assess: Assess | None) -> Step:
    forward = render(change)
    rollback = render(change.reverse()).statements if has_honest_reverse(change) else None
    findings = tuple(assess(change, ctx)) if assess is not None else ()
    lock = _lock(change, ctx)
    # The rows are those of the change's own table: a new one is empty (a foreign key from a
    # new table locks the existing referenced table, but reads only the new, empty one).
    table = getattr(change, "table", None)
    new_table = table is not None and (table[0], table[1]) in ctx.created_tables
    work = table_work(change) if lock is not None and not new_table else NO_WORK
    return Step(
        description=forward.description,
        sql=forward.statements,
        safety=Safety.highest([f.level for f in findings]),
        findings=findings,
        transactional=forward.transactional,
        rollback=rollback,
        lock=lock,
        rewrites=work.rewrites,
        scans=work.scans,
    )


def build_steps(change: Change, ctx: PlanContext, assess: Assess | None) -> list[Step]:
    """The change's steps: a lock-safe sequence when a strategy applies, else one step."""
    expansion = expand(change, ctx.strategies, ctx.created_tables | _partitioned(ctx))
    if expansion is None:
        return [build_step(change, replace(ctx, strategies=frozenset()), assess)]
    return _strategy_steps(
        change, expansion, replace(ctx, strategies=frozenset({expansion.strategy})), assess
    )


def _partitioned(ctx: PlanContext) -> frozenset[tuple[str, str]]:
    """Partitioned tables: PostgreSQL builds no index on them ``CONCURRENTLY`` and (before
    18) adds no ``NOT VALID`` foreign key to them, so their changes are rendered plainly."""
    return frozenset(
        (t.schema, t.name)
        for schema in (ctx.current, ctx.desired)
        for t in schema.tables
        if t.partition_by is not None
    )


def _strategy_steps(
    change: Change, expansion: Expansion, ctx: PlanContext, assess: Assess | None
) -> list[Step]:
    """Findings about the change ride on its first step."""
    findings = tuple(assess(change, ctx)) if assess is not None else ()
    return [
        Step(
            description=piece.description,
            sql=piece.sql,
            safety=Safety.highest([f.level for f in findings]) if number == 0 else Safety.SAFE,
            findings=findings if number == 0 else (),
            transactional=piece.transactional,
            rollback=piece.rollback,
            lock=piece.lock,
            scans=piece.scans,
        )
        for number, piece in enumerate(expansion.pieces)
    ]


def _lock(change: Change, ctx: PlanContext) -> str | None:
    """The lock on a table that exists before the plan; tables created in it are empty
    and invisible to others until commit, so their locks block nobody."""
    tables = [getattr(change, "table", None)]
    if isinstance(change, AddConstraint) and change.new.references is not None:
        ref = change.new.references  # the referenced table is locked too
        tables.append(TableKey(ref.schema, ref.table))
    if all(t is not None and (t[0], t[1]) in ctx.created_tables for t in tables):
        return None
    return strongest_lock(change)


def build_plan(
    current: Schema,
    desired: Schema,
    *,
    assess: Assess | None = None,
    lock_safe: bool | frozenset[str] = True,
) -> Plan:
    """The plan from ``current`` to ``desired``; identical inputs give an identical plan.

    ``lock_safe``: ``True`` uses every lock-safe strategy on tables that exist before the
    plan, ``False`` none, a set of names exactly those (``render/strategies/names.py``).
    """
    changes = diff(current, desired)
    ctx = plan_context(current, desired, changes, resolve_strategies(lock_safe))
    steps = tuple(step for change in changes for step in build_steps(change, ctx, assess))
    return Plan(
        source_hash=canonical_hash(current),
        target_hash=canonical_hash(desired),
        steps=steps,
    )
