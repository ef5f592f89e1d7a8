"""Non-transactional steps: plan order kept, committed unit by unit, safe to re-run.

The plans are hand-written (a planner that emits CONCURRENTLY is another issue); the
expected schemas are whatever PostgreSQL builds from the same SQL run by hand.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import psycopg2
import pytest
from pg_test_server import create_database, drop_database

from alembic_lockplane import engine
from alembic_lockplane.apply import ApplyResult, StepFailed, apply_plan
from alembic_lockplane.db.url import libpq_dsn
from alembic_lockplane.errors import DriftError
from alembic_lockplane.model.objects import Schema
from alembic_lockplane.model.serde import canonical_hash
from alembic_lockplane.plan.model import Plan, Step

START = """
CREATE TABLE public.users (id bigint PRIMARY KEY, email text);
INSERT INTO public.users SELECT g, 'u' || g || '@example.com' FROM generate_series(1, 200) g;
"""
STEPS = (
    Step(
        "Create table a",
        ("CREATE TABLE public.a (id int)",),
        rollback=("DROP TABLE public.a",),
    ),
    Step(
        "Add column name to table a",
        ("ALTER TABLE public.a ADD COLUMN name text",),
        rollback=("ALTER TABLE public.a DROP COLUMN name",),
    ),
    Step(
        "Create index users_email_key",
        ("CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON public.users (email)",),
        transactional=False,
        rollback=("DROP INDEX CONCURRENTLY public.users_email_key",),
    ),
    Step(
        "Create table b",
        ("CREATE TABLE public.b (id int)",),
        rollback=("DROP TABLE public.b",),
    ),
)


def run(url: str, sql: str) -> None:
    conn = psycopg2.connect(libpq_dsn(url))
    conn.autocommit = True
    try:
        with conn.cursor() as cur:
            cur.execute(sql)
    finally:
        conn.close()


def built_by_hand(pg_server: str, steps: tuple[Step, ...]) -> Schema:
    url = create_database(pg_server)
    try:
        run(url, START)
        for step in steps:
            for statement in step.sql:
                run(url, statement)
        return engine.introspect_url(url)
    finally:
        drop_database(pg_server, url)


def invalid_indexes(url: str) -> list[str]:
    conn = psycopg2.connect(libpq_dsn(url))
    try:
        with conn.cursor() as cur:
            cur.execute(
                "SELECT indexrelid::regclass::text FROM pg_index WHERE NOT indisvalid ORDER BY 1"
            )
            return [str(r[0]) for r in cur.fetchall()]
    finally:
        conn.close()


@pytest.fixture(scope="module")
def expected(pg_server: str) -> dict[int, Schema]:
    """The schema after the first n steps, as PostgreSQL builds it."""
    return {n: built_by_hand(pg_server, STEPS[:n]) for n in (0, 2, 4)}


@pytest.fixture
def target(db_url: str) -> Iterator[str]:
    run(db_url, START)
    yield db_url


def the_plan(expected: dict[int, Schema]) -> Plan:
    return Plan(canonical_hash(expected[0]), canonical_hash(expected[4]), STEPS)


def test_a_failed_concurrent_index_keeps_earlier_units_and_leaves_no_invalid_index(
    target: str, pg_server: str, expected: dict[int, Schema]
) -> None:
    run(target, "UPDATE public.users SET email = 'same@example.com' WHERE id <= 2")
    with pytest.raises(StepFailed) as caught:
        apply_plan(the_plan(expected), db_url=target, shadow_url=pg_server, progress=lambda _: None)
    message = caught.value.message
    assert message.startswith("step 3/4 (Create index users_email_key) failed: could not create")
    assert message.endswith("steps 1-2 are applied, step 3 was not applied")
    assert caught.value.committed == 2
    assert engine.introspect_url(target) == expected[2]
    assert invalid_indexes(target) == []

    # fix the data; the re-run finds where the first run stopped and finishes the plan
    run(target, "UPDATE public.users SET email = 'fixed' || id WHERE id <= 2")
    lines: list[str] = []
    result = apply_plan(
        the_plan(expected), db_url=target, shadow_url=pg_server, progress=lines.append
    )
    assert (result.resumed_at, result.steps_applied) == (3, 2)
    assert "an earlier apply of this plan stopped before step 3: continuing from there" in lines
    assert [line for line in lines if line.startswith("[")] == [
        "[3/4] Create index users_email_key",
        "[4/4] Create table b",
    ]
    assert engine.introspect_url(target) == expected[4]


def _kill_during_concurrent_build(target: str, pg_server: str, plan: Plan) -> object:
    """Start the apply while a writer blocks CREATE INDEX CONCURRENTLY, then kill it."""
    writer = psycopg2.connect(libpq_dsn(target))  # an open write transaction: CIC waits for it
    admin = psycopg2.connect(libpq_dsn(target))
    admin.autocommit = True
    outcome: list[object] = []

    def go() -> None:
        try:
            outcome.append(
                apply_plan(
                    plan,
                    db_url=target,
                    shadow_url=pg_server,
                    skip_shadow=True,
                    lock_timeout="60s",
                    progress=lambda _: None,
                )
            )
        except Exception as exc:
            outcome.append(exc)

    try:
        with writer.cursor() as cur:
            cur.execute("INSERT INTO public.users VALUES (1000, 'w@example.com')")
        thread = threading.Thread(target=go)
        thread.start()
        deadline = time.monotonic() + 30
        pid = None
        while pid is None and time.monotonic() < deadline:
            with admin.cursor() as cur:
                cur.execute(
                    "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
                    "AND application_name = 'lockplane apply' AND wait_event_type = 'Lock' "
                    "AND query LIKE 'CREATE UNIQUE INDEX CONCURRENTLY%'"
                )
                row = cur.fetchone()
            pid = row[0] if row else None
            time.sleep(0.02)
        assert pid is not None, "CREATE INDEX CONCURRENTLY never waited for the writer"
        with admin.cursor() as cur:
            cur.execute("SELECT pg_terminate_backend(%s)", (pid,))
        thread.join(30)
    finally:
        writer.rollback()
        writer.close()
        admin.close()
    return outcome[0]


def test_an_index_left_invalid_by_a_killed_build_is_dropped_and_rebuilt_on_the_next_run(
    target: str, pg_server: str, expected: dict[int, Schema]
) -> None:
    plan = the_plan(expected)
    error = _kill_during_concurrent_build(target, pg_server, plan)
    assert isinstance(error, StepFailed), error
    assert error.step_number == 3 and error.connection_lost
    assert "steps 1-2 are applied" in error.message
    assert invalid_indexes(target) == ["users_email_key"]

    # without the shadow, lockplane cannot prove where it stopped: it refuses and says why
    with pytest.raises(DriftError) as caught:
        apply_plan(plan, db_url=target, shadow_url=None, skip_shadow=True, progress=lambda _: None)
    assert "re-run without --skip-shadow" in (caught.value.hint or "")
    assert invalid_indexes(target) == ["users_email_key"]

    lines: list[str] = []
    result = apply_plan(plan, db_url=target, shadow_url=pg_server, progress=lines.append)
    assert isinstance(result, ApplyResult)
    assert (result.resumed_at, result.steps_applied) == (3, 2)
    assert any("dropping invalid indexes" in line and "users_email_key" in line for line in lines)
    assert invalid_indexes(target) == []
    assert engine.introspect_url(target) == expected[4]


def test_interrupted_before_anything_with_an_invalid_index_resumes_from_the_start(
    target: str, pg_server: str, expected: dict[int, Schema]
) -> None:
    """A plan whose first step is the concurrent build: killed there, the database is the
    start plus an invalid index; the next run drops it and runs the whole plan."""
    steps = (STEPS[2], STEPS[0], STEPS[1], STEPS[3])
    plan = Plan(canonical_hash(expected[0]), canonical_hash(expected[4]), steps)
    error = _kill_during_concurrent_build(target, pg_server, plan)
    assert isinstance(error, StepFailed) and error.step_number == 1
    assert error.message.endswith("nothing was applied")
    assert invalid_indexes(target) == ["users_email_key"]
    result = apply_plan(plan, db_url=target, shadow_url=pg_server, progress=lambda _: None)
    assert (result.resumed_at, result.steps_applied) == (1, 4)
    assert engine.introspect_url(target) == expected[4]


def test_a_stranger_invalid_index_is_drift_not_ours_to_drop(
    target: str, pg_server: str, expected: dict[int, Schema]
) -> None:
    plan = the_plan(expected)
    run(target, "UPDATE public.users SET email = 'same@example.com' WHERE id <= 2")
    with pytest.raises(psycopg2.Error):
        run(target, "CREATE UNIQUE INDEX CONCURRENTLY someone_elses ON public.users (email)")
    assert invalid_indexes(target) == ["someone_elses"]
    with pytest.raises(DriftError):
        apply_plan(plan, db_url=target, shadow_url=pg_server, progress=lambda _: None)
    assert invalid_indexes(target) == ["someone_elses"]
