"""No password in anything apply says: errors (its own and the server's), hints, progress.

The target URL carries a real password of a role created for the test (the test servers
trust local connections, so the password is not checked, but it is in every URL we pass).
"""

from __future__ import annotations

import threading
import traceback
import uuid
from collections.abc import Callable, Iterator

import psycopg2
import pytest
from sqlalchemy.engine import make_url

from alembic_lockplane import engine
from alembic_lockplane.apply import ADVISORY_LOCK_KEY, apply_plan
from alembic_lockplane.db.url import libpq_dsn
from alembic_lockplane.errors import LockplaneError
from alembic_lockplane.model.serde import canonical_hash
from alembic_lockplane.plan.model import Plan, Step

PASSWORD = "S3cr3t-Pa55w0rd-" + uuid.uuid4().hex[:8]


@pytest.fixture
def secret_url(pg_server: str, db_url: str) -> Iterator[str]:
    role = f"lp_secret_{uuid.uuid4().hex[:8]}"
    admin = psycopg2.connect(libpq_dsn(pg_server))
    admin.autocommit = True
    with admin.cursor() as cur:
        cur.execute(f"CREATE ROLE {role} LOGIN SUPERUSER PASSWORD %s", (PASSWORD,))
    url = make_url(db_url).set(username=role, password=PASSWORD)
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        drop = psycopg2.connect(libpq_dsn(db_url))
        drop.autocommit = True
        with drop.cursor() as cur:  # the role owns nothing outside the test database
            cur.execute(f"DROP OWNED BY {role}")
        drop.close()
        with admin.cursor() as cur:
            cur.execute(f"DROP ROLE {role}")
        admin.close()


def no_password(error: BaseException, lines: list[str]) -> None:
    assert isinstance(error, LockplaneError)
    texts = [str(error), repr(error), error.hint or "", *traceback.format_exception(error), *lines]
    for text in texts:
        assert PASSWORD not in text


def failure(call: Callable[[list[str]], object]) -> tuple[BaseException, list[str]]:
    lines: list[str] = []
    with pytest.raises(LockplaneError) as caught:
        call(lines)
    return caught.value, lines


def test_no_password_in_any_apply_error(secret_url: str, pg_server: str) -> None:
    assert PASSWORD in secret_url
    start = engine.introspect_url(secret_url)
    source = canonical_hash(start)
    create = Step("Create table a", ("CREATE TABLE public.a (id int)",), rollback=())

    # the server echoes a URL with the password in its own message
    echo = Plan(source, "", (create, Step("Echo", (f"SELECT '{secret_url}'::int",))))
    for skip in (True, False):
        error, lines = failure(
            lambda lines, skip=skip: apply_plan(
                echo,
                db_url=secret_url,
                shadow_url=secret_url if not skip else None,
                skip_shadow=skip,
                progress=lines.append,
            )
        )
        assert "invalid input syntax for type integer" in str(error)
        assert ":***@" in str(error)
        no_password(error, lines)

    # drift
    error, lines = failure(
        lambda lines: apply_plan(
            Plan("0" * 64, "", (create,)),
            db_url=secret_url,
            shadow_url=secret_url,
            progress=lines.append,
        )
    )
    assert "drifted" in str(error)
    no_password(error, lines)

    # a table locked by another session
    plan = Plan(source, "", (create, Step("Alter t", ("ALTER TABLE public.t ADD COLUMN x int",))))
    holder = psycopg2.connect(libpq_dsn(secret_url))
    try:
        with holder.cursor() as cur:
            cur.execute("CREATE TABLE public.t (id int)")
        holder.commit()
        plan = Plan(canonical_hash(engine.introspect_url(secret_url)), "", plan.steps)
        with holder.cursor() as cur:
            cur.execute("SELECT * FROM public.t")
        error, lines = failure(
            lambda lines: apply_plan(
                plan,
                db_url=secret_url,
                shadow_url=None,
                skip_shadow=True,
                lock_timeout="100ms",
                progress=lines.append,
            )
        )
        assert "lock_timeout" in str(error)
        no_password(error, lines)
    finally:
        holder.rollback()
        holder.close()

    # another apply holds the advisory lock
    holder = psycopg2.connect(libpq_dsn(secret_url))
    holder.autocommit = True
    try:
        with holder.cursor() as cur:
            cur.execute("SELECT pg_advisory_lock(%s)", (ADVISORY_LOCK_KEY,))
        error, lines = failure(
            lambda lines: apply_plan(
                plan, db_url=secret_url, shadow_url=None, advisory_wait=0, progress=lines.append
            )
        )
        assert "another lockplane apply" in str(error)
        no_password(error, lines)
    finally:
        holder.close()

    # the database does not exist
    missing = make_url(secret_url).set(database="lp_no_such_db").render_as_string(False)
    error, lines = failure(
        lambda lines: apply_plan(plan, db_url=missing, shadow_url=None, progress=lines.append)
    )
    assert "lp_no_such_db" in str(error)
    no_password(error, lines)


def test_killed_connection_error_has_no_password(secret_url: str) -> None:
    start = engine.introspect_url(secret_url)
    plan = Plan(
        canonical_hash(start),
        "",
        (Step("Wait", ("CREATE TABLE public.a (id int)", "SELECT pg_sleep(30)")),),
    )
    admin = psycopg2.connect(libpq_dsn(secret_url))
    admin.autocommit = True
    lines: list[str] = []
    outcome: list[BaseException] = []

    def go() -> None:
        try:
            apply_plan(
                plan, db_url=secret_url, shadow_url=None, skip_shadow=True, progress=lines.append
            )
        except BaseException as exc:
            outcome.append(exc)

    thread = threading.Thread(target=go)
    thread.start()
    try:
        for _ in range(500):
            with admin.cursor() as cur:
                cur.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND query = 'SELECT pg_sleep(30)'"
                )
                if cur.fetchone():
                    break
            threading.Event().wait(0.02)
        thread.join(30)
    finally:
        admin.close()
    [error] = outcome
    assert "connection to the database was lost" in str(error)
    no_password(error, lines)
    assert engine.introspect_url(secret_url) == start
