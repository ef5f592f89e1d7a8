"""Fault tests: kill the applying backend mid-plan, and start eight applies at once.

The 20-step plan comes from the real planner between two schemas built with SQL. To kill
the apply *while step k runs*, step k gets one extra statement that waits for an advisory
lock the test holds; the test sees the applying backend wait on it in pg_stat_activity and
terminates that backend from a second connection. PostgreSQL must then have rolled back
everything: the target's introspected model equals the start exactly.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import replace

import psycopg2
import pytest
from pg_test_server import create_database, drop_database

from alembic_lockplane import engine
from alembic_lockplane.apply import ApplyLockTimeout, ApplyResult, StepFailed, apply_plan
from alembic_lockplane.db.url import libpq_dsn
from alembic_lockplane.errors import DriftError
from alembic_lockplane.model.objects import Schema
from alembic_lockplane.plan.model import Plan

START = """
CREATE TABLE public.t0 (id bigint PRIMARY KEY, a text);
"""
DESIRED = """
CREATE SCHEMA app;
CREATE TYPE public.e1 AS ENUM ('x', 'y');
CREATE SEQUENCE public.s1;
CREATE TABLE public.t0 (
    id bigint PRIMARY KEY, a text NOT NULL, c1 int, c2 text DEFAULT 'z', c3 public.e1, c4 bigint
);
CREATE TABLE public.t1 (id bigint PRIMARY KEY, t0_id bigint REFERENCES public.t0 (id));
CREATE TABLE public.t2 (id bigint PRIMARY KEY, t0_id bigint REFERENCES public.t0 (id));
CREATE TABLE public.t3 (id bigint PRIMARY KEY, t0_id bigint REFERENCES public.t0 (id));
CREATE TABLE public.t4 (id bigint PRIMARY KEY, t0_id bigint REFERENCES public.t0 (id));
CREATE INDEX t1_idx ON public.t1 (t0_id);
CREATE INDEX t2_idx ON public.t2 (t0_id);
CREATE INDEX t3_idx ON public.t3 (t0_id);
CREATE INDEX t4_idx ON public.t4 (t0_id);
"""
WAIT_KEY = 424242


def run(url: str, sql: str) -> None:
    conn = psycopg2.connect(libpq_dsn(url))
    conn.autocommit = True
    try:
        with conn.cursor() as cur:
            cur.execute(sql)
    finally:
        conn.close()


@pytest.fixture(scope="module")
def twenty_steps(pg_server: str) -> tuple[Plan, Schema, Schema]:
    start_url, desired_url = create_database(pg_server), create_database(pg_server)
    try:
        run(start_url, START)
        run(desired_url, DESIRED)
        start, desired = engine.introspect_url(start_url), engine.introspect_url(desired_url)
    finally:
        drop_database(pg_server, start_url)
        drop_database(pg_server, desired_url)
    plan = engine.make_plan(start, desired, lock_safe=False)  # 20 transactional steps
    assert len(plan.steps) == 20, [s.description for s in plan.steps]
    assert all(s.transactional for s in plan.steps)
    return plan, start, desired


def waits_in_step(plan: Plan, k: int) -> Plan:
    """``plan`` with step k (1-based) ending in a wait on the test's advisory lock."""
    steps = list(plan.steps)
    step = steps[k - 1]
    steps[k - 1] = replace(step, sql=(*step.sql, f"SELECT pg_advisory_xact_lock({WAIT_KEY})"))
    return replace(plan, steps=tuple(steps))


def waiting_apply_backend(admin: psycopg2.extensions.connection, timeout: float = 30) -> int:
    """The pid of the lockplane apply backend once it waits on a lock in this database."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with admin.cursor() as cur:
            cur.execute(
                "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
                "AND application_name = 'lockplane apply' AND wait_event_type = 'Lock'"
            )
            row = cur.fetchone()
        if row:
            return int(row[0])
        time.sleep(0.02)
    raise AssertionError("the apply never waited on the test's lock")


def in_thread(fn: Callable[[], ApplyResult]) -> tuple[threading.Thread, list[object]]:
    outcome: list[object] = []

    def target() -> None:
        try:
            outcome.append(fn())
        except Exception as exc:
            outcome.append(exc)

    thread = threading.Thread(target=target)
    thread.start()
    return thread, outcome


@pytest.mark.parametrize("k", range(1, 21))
def test_killing_the_backend_during_step_k_leaves_the_start_then_a_rerun_applies_all(
    k: int, db_url: str, pg_server: str, twenty_steps: tuple[Plan, Schema, Schema]
) -> None:
    plan, start, desired = twenty_steps
    run(db_url, START)
    assert engine.introspect_url(db_url) == start
    admin = psycopg2.connect(libpq_dsn(db_url))
    admin.autocommit = True
    lines: list[str] = []
    try:
        with admin.cursor() as cur:
            cur.execute("SELECT pg_advisory_lock(%s)", (WAIT_KEY,))
        thread, outcome = in_thread(
            lambda: apply_plan(
                waits_in_step(plan, k),
                db_url=db_url,
                shadow_url=pg_server,
                skip_shadow=k % 2 == 0,  # half the runs go through the shadow first
                lock_timeout="60s",
                progress=lines.append,
            )
        )
        pid = waiting_apply_backend(admin)
        assert lines[-1] == f"[{k}/20] {plan.steps[k - 1].description}"
        with admin.cursor() as cur:
            cur.execute("SELECT pg_terminate_backend(%s)", (pid,))
        thread.join(30)
        assert not thread.is_alive()
    finally:
        admin.close()
    [error] = outcome
    assert isinstance(error, StepFailed), error
    assert error.step_number == k
    assert error.connection_lost
    assert "the connection to the database was lost" in error.message
    assert error.message.endswith("nothing was applied")
    assert engine.introspect_url(db_url) == start

    result = apply_plan(plan, db_url=db_url, shadow_url=pg_server, progress=lambda _: None)
    assert result.steps_applied == 20
    assert engine.introspect_url(db_url) == desired


def test_eight_applies_at_once_exactly_one_applies(
    db_url: str, pg_server: str, twenty_steps: tuple[Plan, Schema, Schema]
) -> None:
    plan, _, desired = twenty_steps
    run(db_url, START)
    barrier = threading.Barrier(8)

    def one() -> ApplyResult:
        barrier.wait()
        return apply_plan(plan, db_url=db_url, shadow_url=pg_server, progress=lambda _: None)

    runs = [in_thread(one) for _ in range(8)]
    for thread, _ in runs:
        thread.join(120)
    outcomes = [outcome[0] for _, outcome in runs]
    applied = [o for o in outcomes if isinstance(o, ApplyResult)]
    refused = [o for o in outcomes if isinstance(o, DriftError | ApplyLockTimeout)]
    assert len(applied) == 1, outcomes
    assert applied[0].steps_applied == 20
    assert len(refused) == 7, outcomes
    for error in refused:
        if isinstance(error, DriftError):
            assert "already has this plan's target" in error.message
    assert engine.introspect_url(db_url) == desired


def test_eight_applies_that_cannot_wait_report_the_lock(
    db_url: str, pg_server: str, twenty_steps: tuple[Plan, Schema, Schema]
) -> None:
    """With no patience for the advisory lock, the losers say another apply is running."""
    plan, _, desired = twenty_steps
    run(db_url, START)
    barrier = threading.Barrier(8)

    def one() -> ApplyResult:
        barrier.wait()
        return apply_plan(
            plan, db_url=db_url, shadow_url=pg_server, advisory_wait=0, progress=lambda _: None
        )

    runs = [in_thread(one) for _ in range(8)]
    for thread, _ in runs:
        thread.join(120)
    outcomes = [outcome[0] for _, outcome in runs]
    applied = [o for o in outcomes if isinstance(o, ApplyResult)]
    assert len(applied) == 1, outcomes
    others = [o for o in outcomes if not isinstance(o, ApplyResult)]
    assert all(isinstance(o, ApplyLockTimeout | DriftError) for o in others), others
    assert any(isinstance(o, ApplyLockTimeout) for o in others)
    assert engine.introspect_url(db_url) == desired
