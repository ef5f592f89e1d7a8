"""Lock-safe strategies on real servers: the plan takes the safe sequence on existing tables
(and the safety rule goes quiet), the plain one on new tables or when switched off, and the
plan really applies (the full oracle is in tests/cases/strategy_*)."""

from __future__ import annotations

from collections.abc import Iterator

import psycopg2
import psycopg2.extensions
import pytest
from pg_test_server import create_database, drop_database

from alembic_lockplane.db.url import libpq_dsn
from alembic_lockplane.introspect import introspect
from alembic_lockplane.model.objects import Schema
from alembic_lockplane.plan.build import build_plan
from alembic_lockplane.plan.model import Plan
from alembic_lockplane.safety import assess

pytestmark = pytest.mark.db

USERS = """
CREATE TABLE users (id bigint NOT NULL, email text, org_id bigint, age int);
CREATE TABLE orgs (id bigint PRIMARY KEY);
INSERT INTO orgs VALUES (1);
INSERT INTO users SELECT g, 'u' || g, 1, 30 FROM generate_series(1, 20) g;
"""


@pytest.fixture
def schema_of(pg_server: str) -> Iterator[object]:
    urls: list[str] = []

    def load(sql: str) -> Schema:
        url = create_database(pg_server)
        urls.append(url)
        c = psycopg2.connect(libpq_dsn(url))
        c.autocommit = True
        try:
            with c.cursor() as cur:
                cur.execute(sql)
            return introspect(c)
        finally:
            c.close()

    yield load
    for url in urls:
        drop_database(pg_server, url)


def _plan(schema_of: object, desired_extra: str, **kw: object) -> Plan:
    load = schema_of
    assert callable(load)
    return build_plan(load(USERS), load(USERS + desired_extra), assess=assess, **kw)  # type: ignore[arg-type]


def _codes(plan: Plan) -> set[str]:
    return {f.code for f in plan.findings}


def test_index_on_existing_table_is_built_concurrently_outside_the_transaction(
    schema_of: object,
) -> None:
    plan = _plan(schema_of, "CREATE INDEX users_email_idx ON users (email);")
    (step,) = plan.steps
    assert step.sql[0].startswith("CREATE INDEX CONCURRENTLY users_email_idx ON public.users")
    assert step.transactional is False
    assert step.lock == "SHARE UPDATE EXCLUSIVE"
    assert step.rollback == ("DROP INDEX CONCURRENTLY public.users_email_idx",)
    assert "create_index_non_concurrent" not in _codes(plan)

    plain = _plan(schema_of, "CREATE INDEX users_email_idx ON users (email);", lock_safe=False)
    assert plain.steps[0].sql[0].startswith("CREATE INDEX users_email_idx")
    assert plain.steps[0].transactional is True and plain.steps[0].lock == "SHARE"
    assert "create_index_non_concurrent" in _codes(plain)


def test_index_drop_is_concurrent_and_its_rollback_too(schema_of: object) -> None:
    load = schema_of
    assert callable(load)
    start = load(USERS + "CREATE INDEX users_email_idx ON users (email);")
    plan = build_plan(start, load(USERS), assess=assess)
    (step,) = plan.steps
    assert step.sql == ("DROP INDEX CONCURRENTLY public.users_email_idx",)
    assert step.transactional is False
    assert step.rollback is not None
    assert step.rollback[0].startswith("CREATE INDEX CONCURRENTLY users_email_idx")
    assert "drop_index_non_concurrent" not in _codes(plan)


def test_new_tables_keep_the_plain_sequence(schema_of: object) -> None:
    plan = _plan(
        schema_of,
        "CREATE TABLE posts (id int PRIMARY KEY, uid bigint REFERENCES orgs, n text NOT NULL);"
        "CREATE INDEX posts_uid_idx ON posts (uid);",
    )
    sql = [s for step in plan.steps for s in step.sql]
    assert not any("CONCURRENTLY" in s or "NOT VALID" in s for s in sql), sql
    assert all(step.transactional for step in plan.steps)


def test_foreign_key_is_added_not_valid_then_validated_in_its_own_step(schema_of: object) -> None:
    extra = "ALTER TABLE users ADD CONSTRAINT users_org_fk FOREIGN KEY (org_id) REFERENCES orgs;"
    plan = _plan(schema_of, extra)
    add, check = plan.steps
    assert add.sql[0].endswith("NOT VALID") and add.transactional
    assert add.lock == "SHARE ROW EXCLUSIVE"
    assert check.sql == ("ALTER TABLE public.users VALIDATE CONSTRAINT users_org_fk",)
    assert check.transactional is False  # commits after the ADD released its lock
    assert check.lock == "SHARE UPDATE EXCLUSIVE"
    assert "add_foreign_key" not in _codes(plan)
    off = _plan(schema_of, extra, lock_safe=frozenset({"concurrent_index"}))
    assert len(off.steps) == 1 and "add_foreign_key" in _codes(off)


def test_check_is_added_not_valid_then_validated(schema_of: object) -> None:
    plan = _plan(schema_of, "ALTER TABLE users ADD CONSTRAINT age_ok CHECK (age > 0);")
    assert [s.lock for s in plan.steps] == ["ACCESS EXCLUSIVE", "SHARE UPDATE EXCLUSIVE"]
    assert "add_check_constraint" not in _codes(plan)


def test_set_not_null_goes_through_a_validated_check(schema_of: object) -> None:
    plan = _plan(schema_of, "ALTER TABLE users ALTER COLUMN email SET NOT NULL;")
    add, check, finish = plan.steps
    assert "CHECK (email IS NOT NULL) NOT VALID" in add.sql[0]
    assert "VALIDATE CONSTRAINT lockplane_nn_" in check.sql[0] and not check.transactional
    assert finish.sql[0] == "ALTER TABLE public.users ALTER COLUMN email SET NOT NULL"
    assert "DROP CONSTRAINT lockplane_nn_" in finish.sql[1]
    assert "set_not_null" not in _codes(plan)
    assert "set_not_null" in _codes(
        _plan(schema_of, "ALTER TABLE users ALTER email SET NOT NULL;", lock_safe=False)
    )


def test_unique_and_primary_key_attach_an_index_built_concurrently(schema_of: object) -> None:
    plan = _plan(
        schema_of,
        "ALTER TABLE users ADD CONSTRAINT users_pkey PRIMARY KEY (id);"
        "ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);",
    )
    sql = [s for step in plan.steps for s in step.sql]
    assert "CREATE UNIQUE INDEX CONCURRENTLY users_pkey ON public.users USING btree (id)" in sql
    assert (
        "ALTER TABLE public.users ADD CONSTRAINT users_pkey PRIMARY KEY USING INDEX users_pkey"
        in sql
    )
    assert (
        "ALTER TABLE public.users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_key"
        in sql
    )
    assert not {"add_primary_key", "add_unique_constraint"} & _codes(plan)


def test_failed_validation_stops_at_the_validate_step_with_the_constraint_left_not_valid(
    db_url: str, conn: psycopg2.extensions.connection, schema_of: object
) -> None:
    """What a user sees when existing rows break the new CHECK: the ADD is committed (new
    rows are checked from then on), the VALIDATE fails on the old rows."""
    extra = "DELETE FROM users; ALTER TABLE users ADD CONSTRAINT age_old CHECK (age > 40);"
    plan = _plan(schema_of, extra)  # desired has no rows: the constraint holds there
    with conn.cursor() as cur:
        cur.execute(USERS)
        for statement in plan.steps[0].sql:
            cur.execute(statement)
        with pytest.raises(psycopg2.errors.CheckViolation):
            cur.execute(plan.steps[1].sql[0])
        cur.execute("SELECT convalidated FROM pg_constraint WHERE conname = 'age_old'")
        assert cur.fetchone() == (False,)
        with pytest.raises(psycopg2.errors.CheckViolation):
            cur.execute("INSERT INTO users VALUES (99, 'x', 1, 10)")
