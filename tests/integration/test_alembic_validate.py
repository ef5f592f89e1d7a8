"""Shadow validation refuses plans that fail, do not converge, or do not come back."""

from __future__ import annotations

import psycopg2.extensions
import pytest

from alembic_lockplane.errors import PlanError
from alembic_lockplane.integration.validate import run_steps, validate_on_shadow
from alembic_lockplane.introspect import introspect
from alembic_lockplane.model.objects import Schema
from alembic_lockplane.plan.model import Plan, Step

pytestmark = pytest.mark.db

CREATE = "CREATE TABLE public.t (id integer NOT NULL, CONSTRAINT t_pkey PRIMARY KEY (id))"


def schemas(conn: psycopg2.extensions.connection) -> tuple[Schema, Schema]:
    """(empty database, the same with table t)."""
    empty = introspect(conn, ["public"])
    with conn.cursor() as cur:
        cur.execute(CREATE)
    return empty, introspect(conn, ["public"])


def test_a_good_plan_passes(conn: psycopg2.extensions.connection, pg_server: str) -> None:
    current, desired = schemas(conn)
    plan = Plan("", "", (Step("Create table t", (CREATE,), rollback=("DROP TABLE public.t",)),))
    notes = validate_on_shadow(plan, current, desired, shadow_url=pg_server, schemas=["public"])
    assert notes == []


def test_failing_step_is_named_with_postgresqls_message(
    conn: psycopg2.extensions.connection,
) -> None:
    steps = [
        Step("Create table t", (CREATE,)),
        Step("Add column x to table t", ("ALTER TABLE public.t ADD COLUMN x no_such_type",)),
    ]
    with pytest.raises(PlanError) as caught:
        run_steps(conn, steps, "upgrade")
    assert str(caught.value) == (
        "upgrade failed on the shadow at step 2 (Add column x to table t): "
        'type "no_such_type" does not exist'
    )
    # the transaction was rolled back: step 1 left nothing behind
    with conn.cursor() as cur:
        cur.execute("SELECT to_regclass('public.t')")
        assert cur.fetchone() == (None,)


def test_plan_that_misses_the_desired_schema_is_refused(
    conn: psycopg2.extensions.connection, pg_server: str
) -> None:
    current, desired = schemas(conn)
    wrong = CREATE.replace("id integer", "id bigint")
    plan = Plan("", "", (Step("Create table t", (wrong,), rollback=("DROP TABLE public.t",)),))
    with pytest.raises(PlanError, match="the upgrade does not reach the desired schema"):
        validate_on_shadow(plan, current, desired, shadow_url=pg_server, schemas=["public"])


def test_downgrade_that_does_not_come_back_is_refused(
    conn: psycopg2.extensions.connection, pg_server: str
) -> None:
    current, desired = schemas(conn)
    plan = Plan("", "", (Step("Create table t", (CREATE,), rollback=("SELECT 1",)),))
    with pytest.raises(PlanError, match="the downgrade does not return to the current schema"):
        validate_on_shadow(plan, current, desired, shadow_url=pg_server, schemas=["public"])


def test_irreversible_plan_is_validated_up_only_and_says_so(
    conn: psycopg2.extensions.connection, pg_server: str
) -> None:
    current, desired = schemas(conn)
    plan = Plan("", "", (Step("Create table t", (CREATE,), rollback=None),))
    notes = validate_on_shadow(plan, current, desired, shadow_url=pg_server, schemas=["public"])
    assert notes == ["downgrade not validated: the revision has an irreversible step"]
