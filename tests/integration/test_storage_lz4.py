"""``COMPRESSION lz4`` planned and rolled back, on a server built with lz4 (the machine's
PostgreSQL 15 is; the embedded PostgreSQL 18 is not, and the test is skipped there)."""

from __future__ import annotations

import psycopg2
import pytest
from pg_test_server import create_database, drop_database

from alembic_lockplane import engine
from alembic_lockplane.db.url import libpq_dsn
from alembic_lockplane.model.objects import Column
from alembic_lockplane.plan.rollback import rollback_plan

pytestmark = pytest.mark.db

START = "CREATE TABLE t (id int PRIMARY KEY, body text, doc bytea COMPRESSION pglz);"
DESIRED = "CREATE TABLE t (id int PRIMARY KEY, body text COMPRESSION lz4, doc bytea);"


def _run(url: str, sql: str) -> None:
    conn = psycopg2.connect(libpq_dsn(url))
    conn.autocommit = True
    try:
        with conn.cursor() as cur:
            cur.execute(sql)
    finally:
        conn.close()


def test_lz4_compression_is_planned_and_rolled_back(pg_server: str) -> None:
    target, model = create_database(pg_server), create_database(pg_server)
    try:
        try:
            _run(model, DESIRED)
        except psycopg2.Error as exc:
            if "lz4" not in str(exc):
                raise
            pytest.skip("this server is built without lz4")
        _run(target, START)
        start, desired = engine.introspect_url(target), engine.introspect_url(model)
        table = desired.table("public", "t")
        assert table is not None
        assert table.column("body") == Column("body", "text", compression="lz4")
        plan = engine.make_plan(start, desired, True)
        for step in plan.steps:
            _run(target, ";\n".join(step.sql))
        assert engine.introspect_url(target) == desired
        for step in rollback_plan(plan, start).steps:
            _run(target, ";\n".join(step.sql))
        assert engine.introspect_url(target) == start
    finally:
        drop_database(pg_server, target)
        drop_database(pg_server, model)
