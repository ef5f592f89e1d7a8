"""The shadow dry-run: the plan is first run on a scratch copy of the target's schema.

The copy holds the target's *whole* managed schema (every object kind we model), rebuilt
from the introspected model by ``recreate``, and is checked to equal the target before the
plan runs, so a failure on the shadow means the plan would fail on the target. After the
plan the copy must hash to the plan's ``target_hash``; then the steps' rollbacks run in
reverse order and the copy must equal the start again. The scratch database is dropped at
the end, also on error. On the embedded shadow, the roles the target's schema names are
created first, and a step that names a role the shadow still lacks gets it and the dry-run
starts again on a new scratch database (``shadow/roles.py``); a configured shadow server
must have the roles.
"""

from __future__ import annotations

from dataclasses import dataclass

from alembic_lockplane.apply.errors import StepFailed
from alembic_lockplane.apply.execute import Progress, Runner, Timeouts
from alembic_lockplane.apply.guard import Scope, short
from alembic_lockplane.apply.recreate import recreate
from alembic_lockplane.db.connect import Connection, connect, describe
from alembic_lockplane.errors import PlanError, ShadowError
from alembic_lockplane.model.objects import Schema
from alembic_lockplane.model.serde import canonical_hash
from alembic_lockplane.plan.model import Plan, Step
from alembic_lockplane.shadow import roles
from alembic_lockplane.shadow.provider import scratch_database

_ROLE_RETRIES = 20  # a plan naming more missing roles than this is surely something else


@dataclass(frozen=True)
class ShadowReport:
    """What the dry-run established."""

    target: Schema
    rollback_checked: bool


def differences(before: Schema, after: Schema, limit: int = 5) -> str:
    """The changes from ``before`` to ``after`` as step descriptions (for messages)."""
    from alembic_lockplane.engine import make_plan

    try:
        described = [s.description for s in make_plan(before, after).steps]
    except Exception:  # a message helper must never hide the real error
        described = []
    if not described:
        return "the models differ"
    more = f" (and {len(described) - limit} more)" if len(described) > limit else ""
    return "; ".join(described[:limit]) + more


def _rollback_steps(steps: tuple[Step, ...]) -> tuple[Step, ...] | None:
    """Each step's reverse, last step first; ``None`` when some step has none."""
    if any(step.rollback is None for step in steps):
        return None
    return tuple(
        Step(
            description=f"Rollback: {step.description}",
            sql=step.rollback or (),
            transactional=False,  # scratch database: each statement on its own is fine
        )
        for step in reversed(steps)
    )


def dry_run(
    plan: Plan,
    current: Schema,
    scope: Scope,
    *,
    shadow_url: str | None,
    timeouts: Timeouts,
    progress: Progress,
    start: int = 0,
) -> ShadowReport:
    """Run ``plan.steps[start:]`` (and their rollbacks) on a scratch copy of ``current``."""
    created: set[str] = set()
    while True:
        try:
            return _dry_run_once(
                plan,
                current,
                scope,
                shadow_url=shadow_url,
                timeouts=timeouts,
                progress=progress,
                start=start,
                roles_needed=created,
            )
        except _MissingRole as missing:
            if missing.role in created or len(created) >= _ROLE_RETRIES:
                raise missing.error from None
            created.add(missing.role)
            progress(f'shadow: creating the role "{missing.role}" and starting again')


class _MissingRole(Exception):
    """A step on the embedded shadow named a role it lacks."""

    def __init__(self, role: str, error: PlanError) -> None:
        super().__init__(role)
        self.role = role
        self.error = error


def _step_failure(shadow_url: str | None, exc: StepFailed, error: PlanError) -> Exception:
    """``error`` to raise for a failed step; on the embedded shadow, a missing role is
    reported as ``_MissingRole`` so that the dry-run starts again with it."""
    role = roles.missing_role(exc.sqlstate, exc.reason)
    if role is None:
        return error
    if not roles.creates_roles(shadow_url):
        return PlanError(error.message, hint=roles.missing_role_hint(role))
    return _MissingRole(role, error)


def _dry_run_once(
    plan: Plan,
    current: Schema,
    scope: Scope,
    *,
    shadow_url: str | None,
    timeouts: Timeouts,
    progress: Progress,
    start: int,
    roles_needed: set[str],
) -> ShadowReport:
    with scratch_database(shadow_url) as url:
        conn = connect(url, autocommit=True, application_name="lockplane shadow")
        try:
            progress(
                f"shadow: recreating the target's schema ({len(current.tables)} tables) "
                f"in {describe(url)}"
            )
            try:
                roles.prepare_shadow(conn, shadow_url, current, extra=roles_needed)
                recreate(conn, current)
            except StepFailed as exc:
                role = roles.missing_role(exc.sqlstate, exc.reason)
                raise ShadowError(
                    f"shadow: cannot recreate the target's schema: {exc.message}",
                    hint=roles.missing_role_hint(role)
                    if role
                    else "an extension the target has may be missing on the shadow "
                    "server; set SHADOW_DATABASE_URL to a server like the target",
                ) from None
            copy = scope.read(conn)
            if copy != current:
                raise ShadowError(
                    "shadow: the recreated schema differs from the target's: "
                    + differences(current, copy),
                    hint="use a shadow server of the target's PostgreSQL version "
                    "(SHADOW_DATABASE_URL), or pass --skip-shadow",
                )
            steps = plan.steps
            try:
                Runner(conn, steps, timeouts=timeouts, progress=progress, label="shadow: ").run(
                    start
                )
            except StepFailed as exc:
                error = PlanError(
                    f"shadow dry-run: step {exc.step_number}/{len(steps)} "
                    f"({steps[exc.step_number - 1].description}) failed: {exc.reason}; "
                    "the target was not touched",
                    hint="the plan fails on a copy of the target's schema, so it would fail "
                    "on the target too: fix the schema or the plan and plan again",
                )
                raise _step_failure(shadow_url, exc, error) from None
            after = scope.read(conn)
            after_hash = canonical_hash(after)
            if plan.target_hash and after_hash != plan.target_hash:
                raise PlanError(
                    f"shadow dry-run: after the plan the schema hashes to {short(after_hash)}, "
                    f"not to the plan's target {short(plan.target_hash)}; the target was not "
                    "touched",
                    hint="the plan does not reach the schema it was made for: plan again",
                )
            if plan.target_hash:
                progress("shadow: the plan ran and reached its target schema")
            else:
                progress("shadow: the plan ran (it has no target_hash to compare the result with)")
            rollback_checked = _check_rollback(conn, steps[start:], copy, scope, progress)
            return ShadowReport(after, rollback_checked)
        finally:
            conn.close()


def _check_rollback(
    conn: Connection,
    steps: tuple[Step, ...],
    start_schema: Schema,
    scope: Scope,
    progress: Progress,
) -> bool:
    """Run the rollbacks; the copy must equal ``start_schema`` again. False if not checkable."""
    rollback = _rollback_steps(steps)
    if rollback is None:
        progress("shadow: rollback not checked: some steps have no reverse")
        return False
    try:
        Runner(
            conn,
            rollback,
            timeouts=Timeouts(lock_timeout="0"),
            progress=progress,
            label="shadow rollback: ",
        ).run()
    except StepFailed as exc:
        raise PlanError(
            f"shadow dry-run: rollback step {exc.step_number}/{len(rollback)} "
            f"({rollback[exc.step_number - 1].description}) failed: {exc.reason}; "
            "the target was not touched",
            hint="the plan's rollback does not run: plan again, or report a bug",
        ) from None
    back = scope.read(conn)
    if back != start_schema:
        raise PlanError(
            "shadow dry-run: the rollback does not return to the starting schema: "
            + differences(start_schema, back)
            + "; the target was not touched",
            hint="the plan's rollback is incomplete: plan again, or report a bug",
        )
    progress("shadow: the rollback ran and returned to the starting schema")
    return True
