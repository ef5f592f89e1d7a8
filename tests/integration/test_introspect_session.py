"""Introspection borrows the caller's connection and gives it back untouched.

Also: rendering does not depend on the caller's session settings, and the number of
statements sent does not grow with the number of tables.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import psycopg2
import psycopg2.extensions as ext
import psycopg2.extras
import pytest

from alembic_lockplane.db.url import libpq_dsn
from alembic_lockplane.errors import LockplaneError
from alembic_lockplane.introspect import introspect
from alembic_lockplane.model.objects import Column

ODD_SETTINGS = (
    "SET search_path = app, public; SET DateStyle = 'SQL, DMY'; SET IntervalStyle = 'iso_8601';"
    " SET TimeZone = 'Asia/Tokyo'; SET bytea_output = 'escape'"
)


def _show(conn: ext.connection, setting: str) -> str:
    with conn.cursor() as cur:
        cur.execute(f"SHOW {setting}")
        row = cur.fetchone()
    assert row is not None
    return str(row[0])


def _settings(conn: ext.connection) -> dict[str, str]:
    names = ("search_path", "DateStyle", "IntervalStyle", "TimeZone", "bytea_output")
    return {name: _show(conn, name) for name in names}


@pytest.fixture
def plain_conn(db_url: str) -> Iterator[ext.connection]:
    """A connection in psycopg2's default mode (not autocommit)."""
    c = psycopg2.connect(libpq_dsn(db_url))
    try:
        yield c
    finally:
        c.close()


def _setup(conn: ext.connection, sql: str) -> None:
    with conn.cursor() as cur:
        cur.execute(sql)
    if not conn.autocommit:
        conn.commit()


def test_autocommit_connection_keeps_its_settings(conn: ext.connection) -> None:
    _setup(conn, "CREATE SCHEMA app; CREATE TABLE app.t (id int)")
    _setup(conn, ODD_SETTINGS)
    before = _settings(conn)
    assert before["search_path"] == "app, public"

    model = introspect(conn)

    assert model.table("app", "t") is not None
    assert _settings(conn) == before
    assert conn.autocommit is True
    assert conn.get_transaction_status() == ext.TRANSACTION_STATUS_IDLE


def test_idle_connection_is_left_idle_with_its_settings(plain_conn: ext.connection) -> None:
    _setup(plain_conn, "CREATE SCHEMA app; CREATE TABLE app.t (id int)")
    _setup(plain_conn, ODD_SETTINGS)
    before = _settings(plain_conn)
    plain_conn.commit()

    introspect(plain_conn)

    assert plain_conn.get_transaction_status() == ext.TRANSACTION_STATUS_IDLE
    assert _settings(plain_conn) == before
    plain_conn.rollback()


def test_open_transaction_keeps_uncommitted_work_and_local_settings(
    plain_conn: ext.connection,
) -> None:
    _setup(plain_conn, "CREATE SCHEMA app")
    with plain_conn.cursor() as cur:
        cur.execute("CREATE TABLE app.pending (id int); SET LOCAL search_path = app")

    model = introspect(plain_conn)

    assert model.table("app", "pending") is not None  # our savepoint sees the caller's work
    assert plain_conn.get_transaction_status() == ext.TRANSACTION_STATUS_INTRANS
    assert _show(plain_conn, "search_path") == "app"
    with plain_conn.cursor() as cur:
        cur.execute("INSERT INTO pending VALUES (1)")  # still there, unqualified name works
    plain_conn.commit()
    with plain_conn.cursor() as cur:
        cur.execute("SELECT count(*) FROM app.pending")
        assert cur.fetchone() == (1,)


def test_failed_transaction_is_refused_and_left_alone(plain_conn: ext.connection) -> None:
    with plain_conn.cursor() as cur, pytest.raises(psycopg2.Error):
        cur.execute("SELECT 1/0")
    with pytest.raises(LockplaneError, match="transaction has failed"):
        introspect(plain_conn)
    assert plain_conn.get_transaction_status() == ext.TRANSACTION_STATUS_INERROR
    plain_conn.rollback()


def test_connection_wide_dict_cursor_factory_is_fine(db_url: str) -> None:
    c = psycopg2.connect(libpq_dsn(db_url), cursor_factory=psycopg2.extras.RealDictCursor)
    c.autocommit = True
    try:
        _setup(c, "CREATE TABLE t (id int PRIMARY KEY)")
        table = introspect(c).table("public", "t")
    finally:
        c.close()
    assert table is not None
    assert table.columns == (Column(name="id", type="integer", not_null=True),)


def test_rendering_ignores_the_callers_session_settings(conn: ext.connection) -> None:
    _setup(
        conn,
        r"""
        CREATE SCHEMA app;
        CREATE TYPE app.mood AS ENUM ('ok');
        CREATE TABLE app.t (
            d date DEFAULT '2024-03-01',
            ts timestamp with time zone DEFAULT '2024-03-01 12:00:00+00',
            iv interval DEFAULT '1 day 2 hours',
            bin bytea DEFAULT '\x0102',
            m app.mood DEFAULT 'ok'
        )
        """,
    )
    _setup(conn, ODD_SETTINGS)
    table = introspect(conn).table("app", "t")
    assert table is not None
    assert table.columns == (
        Column(name="d", type="date", default="'2024-03-01'::date"),
        Column(
            name="ts",
            type="timestamp with time zone",
            default="'2024-03-01 12:00:00+00'::timestamp with time zone",
        ),
        Column(name="iv", type="interval", default="'1 day 02:00:00'::interval"),
        Column(name="bin", type="bytea", default="'\\x0102'::bytea"),
        Column(name="m", type="app.mood", default="'ok'::app.mood"),
    )


def _counting_connection(url: str) -> tuple[ext.connection, list[str]]:
    """A connection that records every statement its cursors send (psycopg2 level),
    whatever cursor class the caller asks for."""
    sent: list[str] = []

    class CountingCursor(ext.cursor):
        def execute(self, query: Any, vars: Any = None) -> None:
            sent.append(str(query))
            super().execute(query, vars)

    class CountingConnection(ext.connection):
        def cursor(self, *args: Any, **kwargs: Any) -> Any:
            kwargs["cursor_factory"] = CountingCursor
            return super().cursor(*args, **kwargs)

    c = psycopg2.connect(libpq_dsn(url), connection_factory=CountingConnection)
    c.autocommit = True
    return c, sent


def _tables_sql(first: int, last: int) -> str:
    """Tables ``t<first>`` .. ``t<last - 1>``, each with every kind of per-table object."""
    parts = []
    for n in range(first, last):
        parent = f"REFERENCES t{n - 1} (id)" if n else ""
        parts.append(
            f"CREATE TABLE t{n} (id serial PRIMARY KEY, k kind, name text UNIQUE,"
            f" parent int {parent}, CHECK (id > 0));"
            f" CREATE INDEX ON t{n} (lower(name)) WHERE parent IS NOT NULL;"
            f" CREATE POLICY p ON t{n} USING (true); COMMENT ON TABLE t{n} IS 'x';"
        )
    return "\n".join(parts)


def test_statement_count_is_the_same_for_1_and_200_tables(db_url: str) -> None:
    c, sent = _counting_connection(db_url)
    counts = {}
    try:
        with c.cursor() as cur:
            cur.execute("CREATE TYPE kind AS ENUM ('a', 'b');" + _tables_sql(0, 1))
        for size in (1, 200):
            if size == 200:
                with c.cursor() as cur:
                    cur.execute(_tables_sql(1, 200))
            sent.clear()
            labels: list[str] = []
            model = introspect(c, on_query=labels.append)
            assert len(model.tables) == size
            assert len(model.indexes) == size
            assert len(model.sequences) == size
            assert sum(len(t.constraints) for t in model.tables) == 4 * size - 1
            assert sum(len(t.policies) for t in model.tables) == size
            assert len(sent) == len(labels)  # every round trip is reported to on_query
            counts[size] = len(sent)
    finally:
        c.close()
    assert counts[1] == counts[200]
    # begin and canonical settings, one query per object kind (each once), rollback
    assert labels[:2] == ["begin", "settings"]
    assert labels[-1] == "rollback"
    assert len(set(labels)) == len(labels)
    assert set(labels) >= {
        "namespaces",
        "extensions",
        "enums",
        "sequences",
        "tables",
        "columns",
        "constraints",
        "policies",
        "indexes",
    }
