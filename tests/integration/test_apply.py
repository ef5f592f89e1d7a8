"""apply_plan on a real server: the plan lands whole, or the target is left exactly as it was.

Each test creates the starting schema with SQL, plans with the real planner (or hand-writes
steps where the point is a failing statement), applies, and compares the target's
introspected model with what PostgreSQL built from the desired SQL in another database.
The shadow is a scratch database on the test server itself (same major version).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import psycopg2
import pytest
from pg_test_server import create_database, drop_database

from alembic_lockplane import engine
from alembic_lockplane.apply import ADVISORY_LOCK_KEY, ApplyLockTimeout, StepFailed, apply_plan
from alembic_lockplane.db.url import libpq_dsn
from alembic_lockplane.errors import DriftError, PlanError
from alembic_lockplane.model.objects import Schema
from alembic_lockplane.model.serde import canonical_hash
from alembic_lockplane.plan.model import Plan, Step
from alembic_lockplane.render.transactions import step_runs_in_transaction

START = """
CREATE TABLE public.users (id bigint PRIMARY KEY, email text);
CREATE TABLE public.posts (id bigint PRIMARY KEY, user_id bigint, body text);
"""
DESIRED = """
CREATE TYPE public.mood AS ENUM ('happy', 'sad');
CREATE TABLE public.users (id bigint PRIMARY KEY, email text NOT NULL, mood public.mood);
CREATE TABLE public.posts (
    id bigint PRIMARY KEY,
    user_id bigint REFERENCES public.users (id),
    body text DEFAULT '50% off' CHECK (length(body) < 1000)
);
CREATE INDEX posts_user_idx ON public.posts (user_id);
CREATE TABLE public.tags (name text PRIMARY KEY);
"""


def run(url: str, sql: str) -> None:
    conn = psycopg2.connect(libpq_dsn(url))
    conn.autocommit = True
    try:
        with conn.cursor() as cur:
            cur.execute(sql)
    finally:
        conn.close()


def model(url: str) -> Schema:
    return engine.introspect_url(url)


@pytest.fixture
def desired_url(pg_server: str) -> Iterator[str]:
    url = create_database(pg_server)
    run(url, DESIRED)
    try:
        yield url
    finally:
        drop_database(pg_server, url)


@pytest.fixture
def start_url(db_url: str) -> str:
    run(db_url, START)
    return db_url


def planned(start_url: str, desired_url: str) -> tuple[Plan, Schema, Schema]:
    start, desired = model(start_url), model(desired_url)
    return engine.make_plan(start, desired), start, desired


def test_apply_reaches_the_desired_schema_with_progress_per_step(
    start_url: str, desired_url: str, pg_server: str
) -> None:
    plan, _, desired = planned(start_url, desired_url)
    lines: list[str] = []
    result = apply_plan(plan, db_url=start_url, shadow_url=pg_server, progress=lines.append)
    assert model(start_url) == desired
    assert result.steps_applied == len(plan.steps) > 3
    assert result.shadow_checked and result.rollback_checked
    target_lines = [line for line in lines if line.startswith("[")]
    assert target_lines == [
        f"[{i}/{len(plan.steps)}] {s.description}" for i, s in enumerate(plan.steps, 1)
    ]
    # the shadow ran the plan (and its rollback) before the target saw anything
    first_target = lines.index(target_lines[0])
    assert any(line.startswith("shadow: [") for line in lines[:first_target])
    assert any(line.startswith("shadow rollback: [") for line in lines[:first_target])


def test_dry_run_checks_on_the_shadow_and_leaves_the_target_alone(
    start_url: str, desired_url: str, pg_server: str
) -> None:
    plan, start, _ = planned(start_url, desired_url)
    result = apply_plan(
        plan, db_url=start_url, shadow_url=pg_server, dry_run=True, progress=lambda _: None
    )
    assert result.dry_run and result.shadow_checked and result.rollback_checked
    assert result.steps_applied == 0
    assert model(start_url) == start


def test_a_step_that_fails_on_the_shadow_never_reaches_the_target(
    start_url: str, pg_server: str
) -> None:
    start = model(start_url)
    plan = Plan(
        canonical_hash(start),
        "",
        (
            Step("Create table a", ("CREATE TABLE public.a (id int)",), rollback=()),
            Step("Add column to missing", ("ALTER TABLE public.nope ADD COLUMN x int",)),
        ),
    )
    with pytest.raises(PlanError) as caught:
        apply_plan(plan, db_url=start_url, shadow_url=pg_server, progress=lambda _: None)
    assert caught.value.message == (
        'shadow dry-run: step 2/2 (Add column to missing) failed: relation "public.nope" does '
        "not exist; the target was not touched"
    )
    assert model(start_url) == start


def test_the_shadow_refuses_a_plan_that_misses_its_target_hash(
    start_url: str, desired_url: str, pg_server: str
) -> None:
    plan, start, _ = planned(start_url, desired_url)
    wrong = Plan(plan.source_hash, "0" * 64, plan.steps)
    with pytest.raises(PlanError, match="not to the plan's target 000000000000"):
        apply_plan(wrong, db_url=start_url, shadow_url=pg_server, progress=lambda _: None)
    assert model(start_url) == start


def test_the_shadow_refuses_a_rollback_that_does_not_return_to_the_start(
    start_url: str, pg_server: str
) -> None:
    start = model(start_url)
    plan = Plan(
        canonical_hash(start),
        "",
        (Step("Create table a", ("CREATE TABLE public.a (id int)",), rollback=()),),
    )
    with pytest.raises(PlanError, match="rollback does not return to the starting schema"):
        apply_plan(plan, db_url=start_url, shadow_url=pg_server, progress=lambda _: None)
    assert model(start_url) == start


def test_a_rollback_plan_applies_the_same_way_and_is_guarded(
    start_url: str, desired_url: str, pg_server: str
) -> None:
    plan, start, _ = planned(start_url, desired_url)
    rollback = Plan(
        plan.target_hash,
        plan.source_hash,
        tuple(
            Step(
                f"Rollback: {s.description}",
                s.rollback or (),
                rollback=s.sql,
                transactional=step_runs_in_transaction(s.rollback or ()),
            )
            for s in reversed(plan.steps)
        ),
    )
    # guarded: before the forward plan ran, the rollback does not fit the target
    with pytest.raises(DriftError):
        apply_plan(rollback, db_url=start_url, shadow_url=pg_server, progress=lambda _: None)
    apply_plan(plan, db_url=start_url, shadow_url=pg_server, progress=lambda _: None)
    apply_plan(rollback, db_url=start_url, shadow_url=pg_server, progress=lambda _: None)
    assert model(start_url) == start


def test_drift_after_planning_is_refused_before_any_change(
    start_url: str, desired_url: str, pg_server: str
) -> None:
    plan, _, _ = planned(start_url, desired_url)
    run(start_url, "ALTER TABLE public.users ADD COLUMN nickname text")
    drifted = model(start_url)
    for skip in (False, True):
        with pytest.raises(DriftError, match="has drifted") as caught:
            apply_plan(
                plan,
                db_url=start_url,
                shadow_url=pg_server,
                skip_shadow=skip,
                progress=lambda _: None,
            )
        assert plan.source_hash[:12] in caught.value.message
        assert "nothing was changed" in caught.value.message
        assert model(start_url) == drifted


def test_applying_twice_says_it_was_already_applied(
    start_url: str, desired_url: str, pg_server: str
) -> None:
    plan, _, desired = planned(start_url, desired_url)
    apply_plan(plan, db_url=start_url, shadow_url=pg_server, progress=lambda _: None)
    with pytest.raises(DriftError, match="already has this plan's target"):
        apply_plan(plan, db_url=start_url, shadow_url=pg_server, progress=lambda _: None)
    assert model(start_url) == desired


def test_a_locked_table_makes_apply_give_up_after_lock_timeout(
    start_url: str, desired_url: str, pg_server: str
) -> None:
    plan, start, _ = planned(start_url, desired_url)
    holder = psycopg2.connect(libpq_dsn(start_url))  # not autocommit: the lock lasts
    try:
        with holder.cursor() as cur:
            cur.execute("SELECT count(*) FROM public.users")  # ACCESS SHARE until rollback
        began = time.monotonic()
        with pytest.raises(StepFailed) as caught:
            apply_plan(
                plan,
                db_url=start_url,
                shadow_url=pg_server,
                lock_timeout="300ms",
                progress=lambda _: None,
            )
        elapsed = time.monotonic() - began
    finally:
        holder.rollback()
        holder.close()
    message = caught.value.message
    assert "gave up after lock_timeout=300ms" in message
    assert "another session holds a lock" in message
    assert message.endswith("nothing was applied")
    assert caught.value.sqlstate == "55P03"
    assert elapsed < 10
    assert model(start_url) == start


def test_a_second_apply_waits_for_the_advisory_lock_then_gives_up(
    start_url: str, desired_url: str, pg_server: str
) -> None:
    plan, start, _ = planned(start_url, desired_url)
    holder = psycopg2.connect(libpq_dsn(start_url))
    holder.autocommit = True
    try:
        with holder.cursor() as cur:
            cur.execute("SELECT pg_advisory_lock(%s)", (ADVISORY_LOCK_KEY,))
        began = time.monotonic()
        with pytest.raises(ApplyLockTimeout, match="another lockplane apply is running"):
            apply_plan(
                plan,
                db_url=start_url,
                shadow_url=pg_server,
                advisory_wait=0.5,
                progress=lambda _: None,
            )
        assert 0.5 <= time.monotonic() - began < 5
        assert model(start_url) == start
        # released in time: the waiting apply goes ahead
        timer = threading.Timer(
            0.3, lambda: holder.cursor().execute("SELECT pg_advisory_unlock_all()")
        )
        timer.start()
        result = apply_plan(
            plan, db_url=start_url, shadow_url=pg_server, advisory_wait=20, progress=lambda _: None
        )
        timer.join()
        assert result.steps_applied == len(plan.steps)
    finally:
        holder.close()


def test_statement_timeout_is_applied_per_step(start_url: str) -> None:
    start = model(start_url)
    plan = Plan(
        canonical_hash(start),
        "",
        (
            Step("Create table a", ("CREATE TABLE public.a (id int)",)),
            Step("Slow step", ("SELECT pg_sleep(5)",)),
        ),
    )
    with pytest.raises(StepFailed, match=r"step 2/2 \(Slow step\): cancelled by statement_timeout"):
        apply_plan(
            plan,
            db_url=start_url,
            shadow_url=None,
            skip_shadow=True,
            statement_timeout="200ms",
            progress=lambda _: None,
        )
    assert model(start_url) == start


def test_empty_plan_is_checked_and_does_nothing(start_url: str) -> None:
    start = model(start_url)
    result = apply_plan(
        Plan(canonical_hash(start), canonical_hash(start)),
        db_url=start_url,
        shadow_url=None,
        progress=lambda _: None,
    )
    assert result.steps_applied == 0
    with pytest.raises(DriftError):
        apply_plan(Plan("f" * 64, ""), db_url=start_url, shadow_url=None, progress=lambda _: None)


def test_a_plan_without_source_hash_is_not_guarded(start_url: str) -> None:
    """Lockplane's own rollback files carry an empty source_hash: no drift check."""
    plan = Plan("", "", (Step("Create table a", ("CREATE TABLE public.a (id int)",)),))
    result = apply_plan(
        plan, db_url=start_url, shadow_url=None, skip_shadow=True, progress=lambda _: None
    )
    assert result.steps_applied == 1
    assert model(start_url).table("public", "a") is not None


def test_the_embedded_shadow_serves_any_target_version(
    start_url: str, desired_url: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """The default shadow is the embedded PostgreSQL 18; with LOCKPLANE_TEST_DATABASE_URL the
    target is another major (15 here), and the dry-run must still agree with the target."""
    from alembic_lockplane.shadow import embedded

    data = tmp_path_factory.mktemp("shadow") / "pg"
    shadow = embedded.start(data, delete_on_exit=True)
    try:
        plan, _, desired = planned(start_url, desired_url)
        result = apply_plan(plan, db_url=start_url, shadow_url=shadow, progress=lambda _: None)
        assert result.shadow_checked and result.rollback_checked
        assert model(start_url) == desired
        # It holds only scratch databases, so it runs without disk flushes (set once, kept).
        check = psycopg2.connect(libpq_dsn(shadow))
        try:
            with check.cursor() as cur:
                cur.execute("SELECT current_setting('fsync'), current_setting('full_page_writes')")
                assert cur.fetchone() == ("off", "off")
        finally:
            check.close()
    finally:
        embedded.release(data)
