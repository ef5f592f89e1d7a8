"""Finish a plan that an earlier apply left part-way.

A plan with non-transactional steps commits in several units, so an interrupted apply can
leave the database between two units, possibly with an invalid index from a killed
``CREATE INDEX CONCURRENTLY``. The drift guard then sees a schema that is neither the
plan's source nor its target. We accept such a database only when the shadow proves it:
on a scratch copy of the database as it is now (invalid indexes left out), the rest of the
plan from a unit boundary must run and reach exactly the plan's ``target_hash``. Invalid
indexes are dropped on the target only if the plan builds an index of that name, so the
step that creates it runs again from scratch.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from alembic_lockplane.apply.execute import Progress, Timeouts
from alembic_lockplane.apply.guard import Scope
from alembic_lockplane.apply.segments import resume_points
from alembic_lockplane.apply.shadow import ShadowReport, dry_run
from alembic_lockplane.errors import LockplaneError
from alembic_lockplane.model.objects import Schema
from alembic_lockplane.model.serde import canonical_hash
from alembic_lockplane.plan.model import Plan


@dataclass(frozen=True)
class Resume:
    """Where to continue, what the shadow saw, and which leftover indexes to drop first."""

    start: int
    report: ShadowReport
    leftovers: frozenset[tuple[str, str]]


def without_indexes(schema: Schema, names: frozenset[tuple[str, str]]) -> Schema:
    return replace(
        schema, indexes=tuple(i for i in schema.indexes if (i.schema, i.name) not in names)
    )


def _built_by_plan(target: Schema) -> set[tuple[str, str]]:
    """Names of every index the target holds, standalone or behind a constraint."""
    names = {(i.schema, i.name) for i in target.indexes}
    for table in target.tables:
        names.update((table.schema, c.name) for c in table.constraints)
    return names


def find_resume(
    plan: Plan,
    actual: Schema,
    invalid: frozenset[tuple[str, str]],
    scope: Scope,
    *,
    shadow_url: str | None,
    timeouts: Timeouts,
    progress: Progress,
) -> Resume | None:
    """The unit boundary from which the rest of ``plan`` provably finishes it, if any."""
    if not plan.target_hash or not plan.steps:
        return None
    cleaned = without_indexes(actual, invalid)
    candidates = list(resume_points(plan.steps))
    if invalid and canonical_hash(cleaned) == plan.source_hash:
        candidates.insert(0, 0)
    for start in candidates:
        progress(f"checking on the shadow whether an earlier apply stopped before step {start + 1}")
        try:
            report = dry_run(
                plan,
                cleaned,
                scope,
                shadow_url=shadow_url,
                timeouts=timeouts,
                progress=lambda _line: None,
                start=start,
            )
        except LockplaneError:
            continue
        if not invalid <= _built_by_plan(report.target):
            continue
        return Resume(start, report, invalid)
    return None
