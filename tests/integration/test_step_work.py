"""The ``rewrites`` and ``scans`` claims of plan steps, checked on a real server: a step that
says it rewrites the table gives it a new ``relfilenode``; a step that says it scans reads
it sequentially (``pg_stat_xact_user_tables.seq_scan`` grows in the step's transaction);
a step that claims neither does neither."""

from __future__ import annotations

import psycopg2
import pytest
from pg_test_server import create_database, drop_database

from alembic_lockplane import engine
from alembic_lockplane.db.url import libpq_dsn
from alembic_lockplane.plan.model import Step

pytestmark = pytest.mark.db

TABLE = "CREATE TABLE t (id int PRIMARY KEY, v varchar(10), n int, f int REFERENCES p);"
START = "CREATE TABLE p (id int PRIMARY KEY); INSERT INTO p VALUES (1);" + TABLE
ROWS = "INSERT INTO t SELECT g, g::text, g, 1 FROM generate_series(1, 300) g;"

#: name -> (desired DDL for t, lock_safe, [(rewrites, scans) per step])
CASES: dict[str, tuple[str, bool, list[tuple[bool, bool]]]] = {
    "add_column_constant_default": (TABLE[:-2] + ", c int NOT NULL DEFAULT 5);", True, [(0, 0)]),
    "add_column_volatile_default": (
        TABLE[:-2] + ", c double precision DEFAULT random());",
        True,
        [(1, 1)],
    ),
    "add_identity_column": (
        TABLE[:-2] + ", c bigint GENERATED ALWAYS AS IDENTITY);",
        True,
        [(1, 1)],
    ),
    "varchar_longer": (TABLE.replace("varchar(10)", "varchar(20)"), True, [(0, 0)]),
    "varchar_to_text": (TABLE.replace("varchar(10)", "text"), True, [(0, 0)]),
    "int_to_bigint": (TABLE.replace("n int", "n bigint"), True, [(1, 1)]),
    "set_not_null_plain": (TABLE.replace("n int", "n int NOT NULL"), False, [(0, 1)]),
    "set_not_null_lock_safe": (
        TABLE.replace("n int", "n int NOT NULL"),
        True,
        [(0, 0), (0, 1), (0, 0)],
    ),
    "check_plain": (TABLE[:-2] + ", CONSTRAINT n_pos CHECK (n > 0));", False, [(0, 1)]),
    "check_not_valid_then_validate": (
        TABLE[:-2] + ", CONSTRAINT n_pos CHECK (n > 0));",
        True,
        [(0, 0), (0, 1)],
    ),
    "index_plain": (TABLE + " CREATE INDEX t_n ON t (n);", False, [(0, 1)]),
    "drop_column": (TABLE.replace(" n int,", ""), True, [(0, 0)]),
    "set_default": (TABLE.replace("n int", "n int DEFAULT 7"), True, [(0, 0)]),
    # Storage settings: only SET LOGGED / UNLOGGED touches the rows (it writes them anew).
    "set_unlogged": (TABLE.replace("CREATE TABLE", "CREATE UNLOGGED TABLE"), True, [(1, 1)]),
    "storage_parameters": (TABLE[:-1] + " WITH (fillfactor = 70);", True, [(0, 0)]),
    "column_storage_and_statistics": (
        TABLE + " ALTER TABLE t ALTER COLUMN v SET STORAGE MAIN, ALTER COLUMN n SET STATISTICS 5;",
        True,
        [(0, 0), (0, 0)],
    ),
    "replica_identity_full": (TABLE + " ALTER TABLE t REPLICA IDENTITY FULL;", True, [(0, 0)]),
    # The new table's foreign key locks t (SHARE ROW EXCLUSIVE) but reads only the new table.
    "foreign_key_from_new_table": (
        TABLE + " CREATE TABLE k (t_id int REFERENCES t);",
        True,
        [(0, 0), (0, 0)],
    ),
}


def _run(url: str, sql: str) -> None:
    conn = psycopg2.connect(libpq_dsn(url))
    conn.autocommit = True
    try:
        with conn.cursor() as cur:
            cur.execute(sql)
    finally:
        conn.close()


def _observe(url: str, step: Step) -> tuple[bool, bool]:
    """Run the step in one transaction (a non-transactional one too: the ones tested here,
    VALIDATE, are allowed in a transaction); did the table get a new file, was it read?"""
    conn = psycopg2.connect(libpq_dsn(url))
    try:
        with conn.cursor() as cur:
            query = (
                "SELECT pg_relation_filenode('t'), (SELECT seq_scan FROM pg_stat_xact_user_tables"
                " WHERE relid = 't'::regclass)"
            )
            cur.execute(query)
            node, scans = cur.fetchone()  # type: ignore[misc]
            for sql in step.sql:
                cur.execute(sql)
            cur.execute(query)
            node_after, scans_after = cur.fetchone()  # type: ignore[misc]
        conn.commit()
    finally:
        conn.close()
    return node_after != node, scans_after > scans


@pytest.mark.parametrize("name", sorted(CASES))
def test_steps_rewrite_and_scan_as_they_say(name: str, pg_server: str) -> None:
    desired_ddl, lock_safe, expected = CASES[name]
    target, model = create_database(pg_server), create_database(pg_server)
    try:
        _run(target, START + ROWS)
        _run(model, "CREATE TABLE p (id int PRIMARY KEY);" + desired_ddl)
        plan = engine.make_plan(
            engine.introspect_url(target), engine.introspect_url(model), lock_safe
        )
        claimed = [(s.rewrites, s.scans) for s in plan.steps]
        assert claimed == [(bool(r), bool(s)) for r, s in expected], [
            s.description for s in plan.steps
        ]
        assert plan.steps[-1].lock
        observed = [_observe(target, step) for step in plan.steps]
        assert observed == claimed
    finally:
        drop_database(pg_server, target)
        drop_database(pg_server, model)
