"""``apply_plan``: the one way a plan reaches a database (CLI and Alembic integration alike).

Order of events, each a reason to stop before touching anything:

1. connect and take the session-level advisory lock (a second apply waits, then gives up);
2. introspect the target and check it is the schema the plan was made for (drift guard),
   or a point an interrupted run of this same plan provably stopped at (``resume``);
3. shadow dry-run on a scratch copy (unless ``skip_shadow``); ``dry_run`` ends here;
4. re-check the target's hash (it may have changed while the shadow ran);
5. run the steps (``execute``): one transaction per run of transactional steps, each
   non-transactional step alone; ``lock_timeout``/``statement_timeout`` for every step.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Collection
from collections.abc import Sequence as Seq
from dataclasses import dataclass

import psycopg2

from alembic_lockplane.apply import lock
from alembic_lockplane.apply.execute import Runner, Timeouts, drop_indexes, invalid_indexes
from alembic_lockplane.apply.guard import Scope, drift_error, matches_source, short
from alembic_lockplane.apply.resume import Resume, find_resume
from alembic_lockplane.apply.shadow import ShadowReport
from alembic_lockplane.apply.shadow import dry_run as shadow_dry_run
from alembic_lockplane.db.connect import Connection, connect
from alembic_lockplane.errors import DriftError
from alembic_lockplane.introspect import DEFAULT_EXCLUDE_TABLES
from alembic_lockplane.model.serde import canonical_hash
from alembic_lockplane.plan.model import Plan


def stderr_progress(line: str) -> None:
    sys.stderr.write(f"{line}\n")
    sys.stderr.flush()


@dataclass(frozen=True)
class ApplyResult:
    """What happened. ``steps_applied`` counts steps committed by this call."""

    steps_applied: int
    total_steps: int
    dry_run: bool = False
    shadow_checked: bool = False
    rollback_checked: bool = False
    resumed_at: int | None = None  # 1-based step number an interrupted earlier run stopped before


def apply_plan(
    plan: Plan,
    *,
    db_url: str,
    shadow_url: str | None,
    skip_shadow: bool = False,
    dry_run: bool = False,
    schemas: Seq[str] | None = None,
    exclude_tables: Collection[tuple[str | None, str]] = DEFAULT_EXCLUDE_TABLES,
    manage_owners: bool = False,
    manage_privileges: bool = True,
    lock_timeout: str = "5s",
    statement_timeout: str | None = None,
    advisory_wait: float = 30.0,
    progress: Callable[[str], None] = stderr_progress,
) -> ApplyResult:
    """Apply ``plan`` to ``db_url`` all-or-nothing (per commit unit), guarded and locked.

    Raises ``DriftError`` (wrong schema), ``ApplyLockTimeout`` (another apply holds the
    lock), ``ShadowError``/``PlanError`` (the dry-run failed) or ``StepFailed`` (a step
    failed on the target; its message says what is applied), all before or instead of a
    partial change. ``dry_run=True`` stops after the shadow and never writes to the target.
    """
    scope = Scope.of(schemas, exclude_tables, manage_owners, manage_privileges)
    timeouts = Timeouts(lock_timeout, statement_timeout)
    conn = connect(db_url, autocommit=True, application_name="lockplane apply")
    try:
        lock.acquire(conn, db_url, advisory_wait)
        try:
            return _apply_locked(
                plan,
                conn,
                db_url,
                scope,
                timeouts,
                shadow_url=shadow_url,
                skip_shadow=skip_shadow,
                dry_run=dry_run,
                progress=progress,
            )
        finally:
            with contextlib.suppress(psycopg2.Error):  # the lock dies with the session anyway
                lock.release(conn)
    finally:
        conn.close()


def _apply_locked(
    plan: Plan,
    conn: Connection,
    db_url: str,
    scope: Scope,
    timeouts: Timeouts,
    *,
    shadow_url: str | None,
    skip_shadow: bool,
    dry_run: bool,
    progress: Callable[[str], None],
) -> ApplyResult:
    total = len(plan.steps)
    actual = scope.read(conn)
    actual_hash = canonical_hash(actual)
    resume: Resume | None = None
    if not matches_source(plan, actual_hash):
        if not skip_shadow and actual_hash != plan.target_hash:
            managed = {(i.schema, i.name) for i in actual.indexes}
            invalid = frozenset(invalid_indexes(conn) & managed)
            resume = find_resume(
                plan,
                actual,
                invalid,
                scope,
                shadow_url=shadow_url,
                timeouts=timeouts,
                progress=progress,
            )
        if resume is None:
            error = drift_error(plan, actual_hash, db_url)
            if skip_shadow and plan.target_hash and actual_hash != plan.target_hash:
                error.hint = (error.hint or "") + (
                    "; if an earlier apply of this plan stopped part-way, re-run without "
                    "--skip-shadow: the shadow finds where it stopped"
                )
            raise error
        progress(
            f"an earlier apply of this plan stopped before step {resume.start + 1}: "
            f"continuing from there"
        )
    elif total == 0:
        progress("the plan has no steps: nothing to do")
        return ApplyResult(0, 0, dry_run=dry_run)
    else:
        progress(f"drift guard: the target matches the plan's source ({short(actual_hash)})")

    start = resume.start if resume else 0
    report: ShadowReport | None = resume.report if resume else None
    if report is None and not skip_shadow:
        report = shadow_dry_run(
            plan,
            actual,
            scope,
            shadow_url=shadow_url,
            timeouts=timeouts,
            progress=progress,
        )
    result = ApplyResult(
        0,
        total,
        dry_run=dry_run,
        shadow_checked=report is not None,
        rollback_checked=bool(report and report.rollback_checked),
        resumed_at=start + 1 if resume else None,
    )
    if dry_run:
        progress("dry run: the target was not changed")
        return result
    if report is not None and canonical_hash(scope.read(conn)) != actual_hash:
        raise DriftError(
            "the target's schema changed while the shadow dry-run ran; nothing was changed",
            hint="another session altered the schema: make a new plan and review it",
        )
    if resume and resume.leftovers:
        progress(
            "dropping invalid indexes left by an interrupted CREATE INDEX CONCURRENTLY: "
            + ", ".join(f"{s}.{n}" for s, n in sorted(resume.leftovers))
        )
        drop_indexes(conn, set(resume.leftovers))
    applied = Runner(conn, plan.steps, timeouts=timeouts, progress=progress, committed=start).run(
        start
    )
    progress(f"applied {applied} of {total} steps")
    return ApplyResult(
        applied,
        total,
        shadow_checked=result.shadow_checked,
        rollback_checked=result.rollback_checked,
        resumed_at=result.resumed_at,
    )
