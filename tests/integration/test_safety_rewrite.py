"""The type-change classifier against what PostgreSQL really does.

A rewrite gives the table a new ``pg_class.relfilenode``; an in-place change keeps it. For
every pair the rules have an opinion on, we alter a real column and compare. Narrowing and
widening claims are checked with a value: a narrowing change must fail on (or alter) some
value of the old type, a widening one must keep it.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import psycopg2
import pytest

from alembic_lockplane.db.url import libpq_dsn, with_database
from alembic_lockplane.safety.types import classify

pytestmark = pytest.mark.db


@pytest.fixture(scope="module")
def module_db(pg_server: str) -> Iterator[str]:
    """One database for the module: these tests make ~60 tiny tables, not 60 databases."""
    name = f"lpt_safety_{uuid.uuid4().hex[:8]}"
    admin = psycopg2.connect(libpq_dsn(pg_server))
    admin.autocommit = True
    with admin.cursor() as cur:
        cur.execute(f'CREATE DATABASE "{name}"')
    try:
        yield with_database(pg_server, name)
    finally:
        with admin.cursor() as cur:
            cur.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


@pytest.fixture
def conn(module_db: str) -> Iterator[Any]:
    """An autocommit connection with no table ``t`` or ``probe`` left by a previous test."""
    c = psycopg2.connect(libpq_dsn(module_db))
    c.autocommit = True
    with c.cursor() as cur:
        cur.execute("DROP TABLE IF EXISTS t, probe")
    try:
        yield c
    finally:
        c.close()


# (declared old type, declared new type); the classifier gets format_type()'s spelling.
PAIRS = [
    ("varchar(10)", "varchar(20)"),
    ("varchar(20)", "varchar(10)"),
    ("varchar(10)", "varchar"),
    ("varchar(10)", "text"),
    ("varchar", "text"),
    ("text", "varchar"),
    ("text", "varchar(10)"),
    ("numeric(10,2)", "numeric(12,2)"),
    ("numeric(10,2)", "numeric"),
    ("numeric(10,2)", "numeric(12,4)"),
    ("numeric(10,2)", "numeric(8,2)"),
    ("numeric", "numeric(10,2)"),
    ("integer", "bigint"),
    ("smallint", "integer"),
    ("bigint", "integer"),
    ("integer", "numeric"),
    ("integer", "double precision"),
    ("real", "double precision"),
    ("timestamp(3)", "timestamp(6)"),
    ("timestamp(3)", "timestamp"),
    ("timestamp(6)", "timestamp(3)"),
    ("timestamp", "timestamp(6)"),
    ("timestamptz(3)", "timestamptz"),
    ("time(3)", "time"),
    ("interval(3)", "interval"),
    ("cidr", "inet"),
    ("inet", "cidr"),
    ("varbit(5)", "varbit(10)"),
    ("varbit(5)", "varbit"),
    ("bit(5)", "varbit(10)"),
    ("char(5)", "char(10)"),
    ("char(5)", "varchar(10)"),
    ("char(5)", "text"),
    ("json", "jsonb"),
    ("jsonb", "json"),
    ("varchar(10)[]", "varchar(20)[]"),
    ("varchar(10)[]", "text[]"),
    ("integer[]", "bigint[]"),
    ("date", "timestamp"),
    ("uuid", "text"),
    ("xml", "text"),
    # Not UTC: see test_timestamp_to_timestamptz_skips_the_rewrite_only_in_utc.
    ("timestamp", "timestamptz"),
    ("timestamptz", "timestamp"),
]


def _one(cur: Any, sql: str, *args: object) -> Any:
    cur.execute(sql, args)
    row = cur.fetchone()
    assert row is not None
    return row[0]


def _alter(cur: Any, new: str) -> None:
    try:
        cur.execute("SAVEPOINT s")
        cur.execute(f"ALTER TABLE t ALTER COLUMN c TYPE {new}")
    except psycopg2.Error:  # no assignment cast: what the planner renders with USING
        cur.execute("ROLLBACK TO SAVEPOINT s")
        cur.execute(f"ALTER TABLE t ALTER COLUMN c TYPE {new} USING c::{new}")


def _formatted(cur: Any) -> str:
    return str(
        _one(
            cur,
            "SELECT format_type(atttypid, atttypmod) FROM pg_attribute "
            "WHERE attrelid = 't'::regclass AND attname = 'c'",
        )
    )


@pytest.mark.parametrize(("old", "new"), PAIRS, ids=[f"{a}->{b}" for a, b in PAIRS])
def test_rewrite_claim_matches_relfilenode(conn: Any, old: str, new: str) -> None:
    with conn.cursor() as cur:
        cur.execute("SET TimeZone = 'America/New_York'")
        cur.execute(f"CREATE TABLE t (id int, c {old})")
        cur.execute("INSERT INTO t SELECT g, NULL FROM generate_series(1, 3) g")
        cur.execute("BEGIN")
        old_formatted = _formatted(cur)
        before = _one(cur, "SELECT relfilenode FROM pg_class WHERE oid = 't'::regclass")
        _alter(cur, new)
        after = _one(cur, "SELECT relfilenode FROM pg_class WHERE oid = 't'::regclass")
        new_formatted = _formatted(cur)
        cur.execute("ROLLBACK")
    facts = classify(old_formatted, new_formatted)
    assert facts.rewrite == (before != after), (old_formatted, new_formatted, facts)


def test_timestamp_to_timestamptz_skips_the_rewrite_only_in_utc(conn: Any) -> None:
    """Why the classifier says "rewrite": PostgreSQL 12+ skips it only when TimeZone is UTC."""
    observed = {}
    with conn.cursor() as cur:
        for zone in ("UTC", "Europe/Berlin"):
            cur.execute(f"SET TimeZone = '{zone}'")
            cur.execute("DROP TABLE IF EXISTS t; CREATE TABLE t (c timestamp)")
            cur.execute("INSERT INTO t VALUES ('2024-01-01 12:00')")
            before = _one(cur, "SELECT relfilenode FROM pg_class WHERE oid = 't'::regclass")
            cur.execute("ALTER TABLE t ALTER COLUMN c TYPE timestamptz")
            after = _one(cur, "SELECT relfilenode FROM pg_class WHERE oid = 't'::regclass")
            observed[zone] = before != after
    assert observed == {"UTC": False, "Europe/Berlin": True}
    assert classify("timestamp without time zone", "timestamp with time zone").rewrite


# (old, new, a value of the old type): narrowing pairs must lose it, widening pairs keep it.
VALUES = [
    ("bigint", "integer", "3000000000"),
    ("integer", "smallint", "40000"),
    ("varchar(20)", "varchar(10)", "'abcdefghijklmno'"),
    ("text", "varchar(3)", "'abcd'"),
    ("numeric(10,4)", "numeric(10,2)", "1.2345"),
    ("numeric(10,2)", "numeric(8,2)", "12345678.00"),
    ("numeric(10,2)", "integer", "1.5"),
    ("integer", "real", "16777217"),
    ("double precision", "real", "1.000000001"),
    ("timestamptz", "date", "'2024-01-01 12:00+00'"),
    ("timestamp(6)", "timestamp(0)", "'2024-01-01 12:00:00.25'"),
    ("inet", "cidr", "'10.0.0.1/8'"),
    ("integer", "bigint", "2147483647"),
    ("varchar(10)", "varchar(20)", "'abcdefghij'"),
    ("varchar(10)", "text", "'abcdefghij'"),
    ("numeric(10,2)", "numeric(12,4)", "12345678.12"),
    ("integer", "double precision", "2147483647"),
    ("smallint", "real", "32767"),
    ("real", "double precision", "1.5"),
    ("date", "timestamp", "'2024-02-29'"),
    ("uuid", "text", "'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'"),
]


@pytest.mark.parametrize(("old", "new", "value"), VALUES, ids=[f"{a}->{b}" for a, b, _ in VALUES])
def test_narrowing_claim_matches_a_real_value(conn: Any, old: str, new: str, value: str) -> None:
    """Convert a value forward and back: a narrowing change loses it, a widening one keeps it."""
    with conn.cursor() as cur:
        cur.execute(f"CREATE TABLE t (c {old})")
        cur.execute(f"CREATE TABLE probe (c {new})")
        cur.execute(f"INSERT INTO t VALUES ({value})")
        old_formatted = _formatted(cur)
        new_formatted = str(
            _one(
                cur,
                "SELECT format_type(atttypid, atttypmod) FROM pg_attribute "
                "WHERE attrelid = 'probe'::regclass AND attname = 'c'",
            )
        )
        original = _one(cur, "SELECT c::text FROM t")
        cur.execute("BEGIN")
        try:
            _alter(cur, new)
            kept = _one(cur, f"SELECT c::{old}::text FROM t") == original
        except psycopg2.Error:
            kept = False
        cur.execute("ROLLBACK")
    facts = classify(old_formatted, new_formatted)
    assert facts.narrowing == (not kept), (old_formatted, new_formatted, original, facts)
    if kept:
        assert facts.widening, (old_formatted, new_formatted, facts)
