"""The lock claim of the strategies, shown on a real server: while a lock-safe step runs on
a table, another connection's SELECT and INSERT on that table complete.

The window is made observable without a huge table: for CONCURRENTLY steps, a transaction
that has written to (or read) the table makes the build wait in PostgreSQL's own wait
phase; for VALIDATE, a CHECK calling a slow (sleeping) function keeps the scan running.
Each claim has its contrast: the plain step (strategies off) under the same conditions
blocks the INSERT, so these tests can fail.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator

import psycopg2
import psycopg2.errors
import psycopg2.extensions
import pytest
from pg_test_server import create_database, drop_database

from alembic_lockplane.db.url import libpq_dsn
from alembic_lockplane.introspect import introspect
from alembic_lockplane.model.objects import Schema
from alembic_lockplane.plan.build import build_plan
from alembic_lockplane.plan.model import Step

pytestmark = pytest.mark.db

SLOW = """
CREATE FUNCTION slow_ok(v int) RETURNS boolean LANGUAGE plpgsql IMMUTABLE AS
$$ BEGIN PERFORM pg_sleep(0.002); RETURN v >= 0; END $$;
"""
USERS = (
    SLOW
    + """
CREATE TABLE users (id bigint NOT NULL, email text, age int);
INSERT INTO users SELECT g, 'u' || g, g % 90 FROM generate_series(1, 1500) g;
"""
)
Connect = Callable[[], psycopg2.extensions.connection]


@pytest.fixture
def connect(db_url: str) -> Iterator[Connect]:
    opened: list[psycopg2.extensions.connection] = []

    def make() -> psycopg2.extensions.connection:
        c = psycopg2.connect(libpq_dsn(db_url))
        c.autocommit = True
        opened.append(c)
        return c

    yield make
    for c in opened:
        c.close()


@pytest.fixture
def plan_steps(pg_server: str) -> Iterator[Callable[..., tuple[Step, ...]]]:
    urls: list[str] = []

    def schema(sql: str) -> Schema:
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

    def steps(current: str, desired: str, lock_safe: bool = True) -> tuple[Step, ...]:
        return build_plan(schema(current), schema(desired), lock_safe=lock_safe).steps

    yield steps
    for url in urls:
        drop_database(pg_server, url)


class Running:
    """One step's SQL running on its own connection in a thread."""

    def __init__(self, conn: psycopg2.extensions.connection, statements: tuple[str, ...]) -> None:
        self.conn = conn
        with conn.cursor() as cur:
            cur.execute("SELECT pg_backend_pid()")
            row = cur.fetchone()
            assert row is not None
            self.pid: int = row[0]
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, args=(statements,), daemon=True)
        self.thread.start()

    def _run(self, statements: tuple[str, ...]) -> None:
        try:
            with self.conn.cursor() as cur:
                for statement in statements:
                    cur.execute(statement)
        except BaseException as exc:  # reported by finish()
            self.error = exc

    def wait_until_busy(self, observer: psycopg2.extensions.connection) -> None:
        """Until the step's backend is inside its statement (running or waiting)."""
        deadline = time.monotonic() + 10
        with observer.cursor() as cur:
            while time.monotonic() < deadline:
                cur.execute(
                    "SELECT state, wait_event_type FROM pg_stat_activity WHERE pid = %s",
                    (self.pid,),
                )
                row = cur.fetchone()
                if row is not None and row[0] == "active":
                    time.sleep(0.2)  # let it reach its wait or scan
                    return
                time.sleep(0.02)
        raise AssertionError("the step never started")

    def finish(self) -> None:
        self.thread.join(30)
        assert not self.thread.is_alive()
        if self.error is not None:
            raise self.error


def _reads_and_writes_go_on(conn: psycopg2.extensions.connection, step: Running) -> None:
    with conn.cursor() as cur:
        cur.execute("SET lock_timeout = '2s'")
        cur.execute("SELECT count(*) FROM users")
        row = cur.fetchone()
        assert row is not None and row[0] >= 1500
        cur.execute("INSERT INTO users VALUES (100000, 'new', 20)")
    assert step.thread.is_alive(), "the step ended before the window closed: nothing was shown"


def _writes_wait(conn: psycopg2.extensions.connection) -> None:
    with conn.cursor() as cur:
        cur.execute("SET lock_timeout = '1s'")
        with pytest.raises(psycopg2.errors.LockNotAvailable):
            cur.execute("INSERT INTO users VALUES (100001, 'blocked', 20)")


def _index_step(steps: tuple[Step, ...]) -> Step:
    (step,) = [s for s in steps if "INDEX" in s.sql[0]]
    return step


@pytest.mark.parametrize("lock_safe", [True, False])
def test_create_index_concurrently_lets_select_and_insert_through(
    connect: Connect, plan_steps: Callable[..., tuple[Step, ...]], lock_safe: bool
) -> None:
    step = _index_step(
        plan_steps(USERS, USERS + "CREATE INDEX users_email_idx ON users (email);", lock_safe)
    )
    assert ("CONCURRENTLY" in step.sql[0]) is lock_safe
    setup, holder, other = connect(), connect(), connect()
    with setup.cursor() as cur:
        cur.execute(USERS)
    holder.autocommit = False
    with holder.cursor() as cur:  # an open writer: the build must wait for it to end
        cur.execute("INSERT INTO users VALUES (0, 'held', 1)")
    running = Running(connect(), step.sql)
    running.wait_until_busy(other)
    if lock_safe:
        _reads_and_writes_go_on(other, running)
    else:
        _writes_wait(other)
    holder.commit()
    running.finish()


def test_unique_via_index_builds_with_select_and_insert_going_on(
    connect: Connect, plan_steps: Callable[..., tuple[Step, ...]]
) -> None:
    steps = plan_steps(USERS, USERS + "ALTER TABLE users ADD CONSTRAINT uq UNIQUE (email, id);")
    build, attach = steps
    assert build.sql[0].startswith("CREATE UNIQUE INDEX CONCURRENTLY")
    setup, holder, other = connect(), connect(), connect()
    with setup.cursor() as cur:
        cur.execute(USERS)
    holder.autocommit = False
    with holder.cursor() as cur:
        cur.execute("INSERT INTO users VALUES (0, 'held', 1)")
    running = Running(connect(), build.sql)
    running.wait_until_busy(other)
    _reads_and_writes_go_on(other, running)
    holder.commit()
    running.finish()
    with setup.cursor() as cur:
        for statement in attach.sql:
            cur.execute(statement)
        cur.execute("SELECT contype FROM pg_constraint WHERE conname = 'uq'")
        assert cur.fetchone() == ("u",)


def test_drop_index_concurrently_lets_select_and_insert_through(
    connect: Connect, plan_steps: Callable[..., tuple[Step, ...]]
) -> None:
    indexed = USERS + "CREATE INDEX users_email_idx ON users (email);"
    step = _index_step(plan_steps(indexed, USERS))
    assert step.sql[0].startswith("DROP INDEX CONCURRENTLY")
    setup, holder, other = connect(), connect(), connect()
    with setup.cursor() as cur:
        cur.execute(indexed)
    holder.autocommit = False
    with holder.cursor() as cur:  # an open reader: the drop waits for it
        cur.execute("SELECT count(*) FROM users")
    running = Running(connect(), step.sql)
    running.wait_until_busy(other)
    _reads_and_writes_go_on(other, running)
    holder.commit()
    running.finish()


@pytest.mark.parametrize("lock_safe", [True, False])
def test_validate_check_lets_select_and_insert_through(
    connect: Connect, plan_steps: Callable[..., tuple[Step, ...]], lock_safe: bool
) -> None:
    """The scan is slow (2 ms a row, 1500 rows): plain ADD CHECK holds ACCESS EXCLUSIVE for
    all of it; under the strategy only VALIDATE scans, under SHARE UPDATE EXCLUSIVE."""
    checked = USERS + "ALTER TABLE users ADD CONSTRAINT age_ok CHECK (slow_ok(age));"
    steps = plan_steps(USERS, checked, lock_safe)
    setup, other = connect(), connect()
    with setup.cursor() as cur:
        cur.execute(USERS)
        for step in steps[:-1]:  # the quick NOT VALID step, when there is one
            for statement in step.sql:
                cur.execute(statement)
    scan = steps[-1]
    assert ("VALIDATE CONSTRAINT" in scan.sql[0]) is lock_safe
    running = Running(connect(), scan.sql)
    running.wait_until_busy(other)
    if lock_safe:
        _reads_and_writes_go_on(other, running)
    else:
        _writes_wait(other)
    running.finish()
