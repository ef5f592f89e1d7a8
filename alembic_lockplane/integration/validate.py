"""Prove a plan on the shadow before a revision is written: up converges, down returns.

On a scratch database: build ``current`` (planned from what a fresh database already holds),
run the upgrade steps as the revision will (one transaction, non-transactional steps on
their own), check that planning again to ``desired`` is empty, run the downgrade steps,
check the schema equals ``current`` again. Any failure names the step and carries
PostgreSQL's own message. On the embedded shadow, the roles both schemas name are created
first (``shadow/roles.py``).
"""

from __future__ import annotations

from collections.abc import Sequence

import psycopg2
import psycopg2.extensions

from alembic_lockplane.db.connect import connect
from alembic_lockplane.errors import PlanError
from alembic_lockplane.integration.render import downgrade_steps
from alembic_lockplane.model.objects import Schema
from alembic_lockplane.model.serde import canonical_hash
from alembic_lockplane.plan.model import Plan, Step
from alembic_lockplane.shadow.roles import missing_role, missing_role_hint


def validate_on_shadow(
    plan: Plan,
    current: Schema,
    desired: Schema,
    *,
    shadow_url: str | None,
    schemas: Sequence[str] | None,
    owners: bool = False,
    privileges: bool = True,
) -> list[str]:
    """Raise ``PlanError`` unless ``plan`` upgrades and downgrades cleanly; return notes.
    ``owners``/``privileges``: how ``current`` and ``desired`` were read."""
    from alembic_lockplane.engine import make_plan
    from alembic_lockplane.introspect import introspect as read
    from alembic_lockplane.shadow.provider import scratch_database
    from alembic_lockplane.shadow.roles import prepare_shadow

    def introspect(conn: psycopg2.extensions.connection, scope: Sequence[str] | None) -> Schema:
        return read(conn, scope, owners=owners, privileges=privileges)

    notes: list[str] = []
    with scratch_database(shadow_url) as url:
        conn = connect(url)
        try:
            prepare_shadow(conn, shadow_url, current, desired)
            baseline = introspect(conn, schemas)
            build = make_plan(baseline, current)
            run_steps(conn, build.steps, "building the current schema on the shadow")
            rebuilt = introspect(conn, schemas)
            if canonical_hash(rebuilt) != canonical_hash(current):
                rest = make_plan(rebuilt, current)
                raise PlanError(
                    "the current schema could not be rebuilt exactly on the shadow; "
                    f"still different: {_describe(rest)}",
                    hint="the shadow may be a different PostgreSQL version than the target; "
                    "set SHADOW_DATABASE_URL to a server of the target's major version",
                )
            run_steps(conn, plan.steps, "upgrade")
            after = introspect(conn, schemas)
            residual = make_plan(after, desired)
            if residual.steps:
                raise PlanError(
                    f"the upgrade does not reach the desired schema; still to do: "
                    f"{_describe(residual)}"
                )
            down = downgrade_steps(plan)
            if down is None:
                notes.append("downgrade not validated: the revision has an irreversible step")
                return notes
            run_steps(conn, [step for _, step in down], "downgrade")
            back = introspect(conn, schemas)
            if canonical_hash(back) != canonical_hash(current):
                raise PlanError(
                    "the downgrade does not return to the current schema; different: "
                    f"{_describe(make_plan(back, current))}"
                )
        finally:
            conn.close()
    return notes


def run_steps(conn: psycopg2.extensions.connection, steps: Sequence[Step], what: str) -> None:
    """Run ``steps`` as a revision does: one transaction, autocommit for the others."""
    conn.autocommit = False
    for number, step in enumerate(steps, 1):
        try:
            if step.transactional:
                with conn.cursor() as cur:
                    for sql in step.sql:
                        cur.execute(sql)
            else:
                conn.commit()
                conn.autocommit = True
                try:
                    with conn.cursor() as cur:
                        for sql in step.sql:
                            cur.execute(sql)
                finally:
                    conn.autocommit = False
        except psycopg2.Error as exc:
            if not conn.autocommit:
                conn.rollback()
            message = (exc.diag.message_primary or str(exc)).strip()
            role = missing_role(exc.pgcode, exc.diag.message_primary)
            raise PlanError(
                f"{what} failed on the shadow at step {number} ({step.description}): {message}",
                hint=missing_role_hint(role) if role else exc.diag.message_hint,
            ) from None
    conn.commit()


def _describe(plan: Plan) -> str:
    names = [s.description for s in plan.steps[:5]]
    more = f" (and {len(plan.steps) - 5} more)" if len(plan.steps) > 5 else ""
    return "; ".join(names) + more
