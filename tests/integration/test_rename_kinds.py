"""The oracle for every rename hint kind: the plan (through ``engine.make_plan`` with the
file's hints) is exactly the RENAMEs expected, applies to a database holding rows, reaches
the desired schema, re-plans empty with the hints still in the file, keeps the rows, and
its rollback returns to the start with the rows still there."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import psycopg2
import pytest
from pg_test_server import create_database, drop_database

from alembic_lockplane import engine
from alembic_lockplane.db.url import libpq_dsn
from alembic_lockplane.errors import SchemaSourceError
from alembic_lockplane.plan.model import Plan
from alembic_lockplane.plan.rollback import rollback_plan

pytestmark = pytest.mark.db

NO_CACHE = {"LOCKPLANE_NO_CACHE": "1"}


@dataclass(frozen=True)
class Case:
    current: str
    desired: str
    renames: tuple[str, ...]
    #: (query, rows) after the upgrade and after the rollback
    after: tuple[str, list[tuple[object, ...]]]
    before: tuple[str, list[tuple[object, ...]]]


CASES = {
    "schema": Case(
        "CREATE SCHEMA old_app; CREATE TABLE old_app.t (id int);"
        " INSERT INTO old_app.t SELECT generate_series(1, 50);",
        "-- lockplane: renamed from old_app\nCREATE SCHEMA app;\nCREATE TABLE app.t (id int);\n",
        ("ALTER SCHEMA old_app RENAME TO app",),
        ("SELECT count(*) FROM app.t", [(50,)]),
        ("SELECT count(*) FROM old_app.t", [(50,)]),
    ),
    "index": Case(
        "CREATE TABLE t (id int, v text); CREATE INDEX t_v ON t (v);"
        " INSERT INTO t SELECT g, g::text FROM generate_series(1, 50) g;",
        "CREATE TABLE t (id int, v text);\n"
        "-- lockplane: renamed from t_v\nCREATE INDEX t_v_idx ON t (v);\n",
        ("ALTER INDEX public.t_v RENAME TO t_v_idx",),
        ("SELECT count(*) FROM pg_class WHERE relname = 't_v_idx'", [(1,)]),
        ("SELECT count(*) FROM t", [(50,)]),
    ),
    "constraint_in_create_table": Case(
        "CREATE TABLE t (id int, v int, CONSTRAINT t_ck CHECK (v > 0),"
        " CONSTRAINT t_uq UNIQUE (id)); INSERT INTO t SELECT g, g FROM generate_series(1, 50) g;",
        "CREATE TABLE t (\n  id int,\n  v int,\n"
        "  -- lockplane: renamed from t_ck\n  CONSTRAINT t_v_positive CHECK (v > 0),\n"
        "  -- lockplane: renamed from t_uq\n  CONSTRAINT t_id_key UNIQUE (id)\n);\n",
        (
            "ALTER TABLE public.t RENAME CONSTRAINT t_ck TO t_v_positive",
            "ALTER TABLE public.t RENAME CONSTRAINT t_uq TO t_id_key",
        ),
        ("SELECT count(*) FROM t", [(50,)]),
        ("SELECT count(*) FROM pg_class WHERE relname = 't_uq'", [(1,)]),
    ),
    "constraint_alter_table": Case(
        "CREATE TABLE p (id int PRIMARY KEY); CREATE TABLE c (p int);"
        " ALTER TABLE c ADD CONSTRAINT c_fk FOREIGN KEY (p) REFERENCES p;"
        " INSERT INTO p SELECT generate_series(1, 50);"
        " INSERT INTO c SELECT generate_series(1, 50);",
        "CREATE TABLE p (id int PRIMARY KEY);\nCREATE TABLE c (p int);\n"
        "-- lockplane: renamed from c_fk\n"
        "ALTER TABLE c ADD CONSTRAINT c_p_fkey FOREIGN KEY (p) REFERENCES p;\n",
        ("ALTER TABLE public.c RENAME CONSTRAINT c_fk TO c_p_fkey",),
        ("SELECT count(*) FROM c JOIN p ON p.id = c.p", [(50,)]),
        ("SELECT conname::text FROM pg_constraint WHERE contype = 'f'", [("c_fk",)]),
    ),
    "view": Case(
        "CREATE TABLE t (id int); CREATE VIEW v_old AS SELECT id FROM t;"
        " INSERT INTO t SELECT generate_series(1, 50);",
        "CREATE TABLE t (id int);\n"
        "-- lockplane: renamed from v_old\nCREATE VIEW v AS SELECT id FROM t;\n",
        ("ALTER VIEW public.v_old RENAME TO v",),
        ("SELECT count(*) FROM v", [(50,)]),
        ("SELECT count(*) FROM v_old", [(50,)]),
    ),
    "materialized_view": Case(
        "CREATE TABLE t (id int); INSERT INTO t SELECT generate_series(1, 50);"
        " CREATE MATERIALIZED VIEW mv_old AS SELECT id FROM t; DELETE FROM t;",
        "CREATE TABLE t (id int);\n"
        "-- lockplane: renamed from mv_old\nCREATE MATERIALIZED VIEW mv AS SELECT id FROM t;\n",
        ("ALTER MATERIALIZED VIEW public.mv_old RENAME TO mv",),
        ("SELECT count(*) FROM mv", [(50,)]),  # its stored rows, not refreshed
        ("SELECT count(*) FROM mv_old", [(50,)]),
    ),
    "enum_type": Case(
        "CREATE TYPE mood_old AS ENUM ('ok', 'sad'); CREATE TABLE t (m mood_old);"
        " INSERT INTO t SELECT 'sad' FROM generate_series(1, 50);",
        "-- lockplane: renamed from mood_old\nCREATE TYPE mood AS ENUM ('ok', 'sad');\n"
        "CREATE TABLE t (m mood);\n",
        ("ALTER TYPE public.mood_old RENAME TO mood",),
        ("SELECT count(*), min(m::text), min(pg_typeof(m)::text) FROM t", [(50, "sad", "mood")]),
        ("SELECT count(*), min(pg_typeof(m)::text) FROM t", [(50, "mood_old")]),
    ),
    "enum_value": Case(
        "CREATE TYPE status AS ENUM ('draft', 'pending', 'done'); CREATE TABLE t (s status);"
        " INSERT INTO t SELECT 'pending' FROM generate_series(1, 50);"
        " INSERT INTO t VALUES ('draft');",
        "CREATE TYPE status AS ENUM (\n  'draft',\n  -- lockplane: renamed from 'pending'\n"
        "  'review',\n  'done'\n);\nCREATE TABLE t (s status);\n",
        ("ALTER TYPE public.status RENAME VALUE 'pending' TO 'review'",),
        ("SELECT s::text, count(*) FROM t GROUP BY 1 ORDER BY 1", [("draft", 1), ("review", 50)]),
        ("SELECT s::text, count(*) FROM t GROUP BY 1 ORDER BY 1", [("draft", 1), ("pending", 50)]),
    ),
    "enum_value_and_an_added_value": Case(
        "CREATE TYPE status AS ENUM ('draft', 'pending', 'done'); CREATE TABLE t (s status);"
        " INSERT INTO t SELECT 'pending' FROM generate_series(1, 50);",
        "CREATE TYPE status AS ENUM (\n  'draft',\n  -- lockplane: renamed from 'pending'\n"
        "  'review',\n  'approved',\n  'done'\n);\nCREATE TABLE t (s status);\n",
        (
            "ALTER TYPE public.status RENAME VALUE 'pending' TO 'review'",
            "ALTER TYPE public.status ADD VALUE 'approved' AFTER 'review'",
        ),
        ("SELECT count(*), min(s::text) FROM t", [(50, "review")]),
        ("SELECT count(*), min(s::text) FROM t", [(50, "pending")]),
    ),
    "enum_value_with_its_type": Case(
        "CREATE TYPE mood_old AS ENUM ('ok', 'sad'); CREATE TABLE t (m mood_old);"
        " INSERT INTO t SELECT 'sad' FROM generate_series(1, 50);",
        "-- lockplane: renamed from mood_old\nCREATE TYPE mood AS ENUM (\n  'ok',\n"
        "  -- lockplane: renamed from 'sad'\n  'Blue'\n);\nCREATE TABLE t (m mood);\n",
        (
            "ALTER TYPE public.mood_old RENAME TO mood",
            "ALTER TYPE public.mood RENAME VALUE 'sad' TO 'Blue'",
        ),
        ("SELECT count(*), min(m::text), min(pg_typeof(m)::text) FROM t", [(50, "Blue", "mood")]),
        (
            "SELECT count(*), min(m::text), min(pg_typeof(m)::text) FROM t",
            [(50, "sad", "mood_old")],
        ),
    ),
    "domain": Case(
        "CREATE DOMAIN pos_old AS int CONSTRAINT pos_check CHECK (VALUE > 0);"
        " CREATE TABLE t (n pos_old);"
        " INSERT INTO t SELECT generate_series(1, 50);",
        "-- lockplane: renamed from pos_old\n"
        "CREATE DOMAIN positive AS int CONSTRAINT pos_check CHECK (VALUE > 0);\n"
        "CREATE TABLE t (n positive);\n",
        ("ALTER DOMAIN public.pos_old RENAME TO positive",),
        ("SELECT count(*), min(pg_typeof(n)::text) FROM t", [(50, "positive")]),
        ("SELECT count(*), min(pg_typeof(n)::text) FROM t", [(50, "pos_old")]),
    ),
    "collation": Case(
        "CREATE COLLATION bytes_old (locale = 'C.utf8'); CREATE TABLE t (s text COLLATE bytes_old);"
        " INSERT INTO t SELECT 'v' || g FROM generate_series(1, 50) g;",
        "-- lockplane: renamed from bytes_old\nCREATE COLLATION bytes (locale = 'C.utf8');\n"
        "CREATE TABLE t (s text COLLATE bytes);\n",
        ("ALTER COLLATION public.bytes_old RENAME TO bytes",),
        ("SELECT count(*), min(s COLLATE public.bytes) FROM t", [(50, "v1")]),
        ("SELECT count(*), min(s COLLATE public.bytes_old) FROM t", [(50, "v1")]),
    ),
    "table_with_its_index_and_column": Case(
        "CREATE TABLE people (id int, full_name text); CREATE INDEX people_name ON people"
        " (full_name); INSERT INTO people SELECT g, 'n' || g FROM generate_series(1, 50) g;",
        "-- lockplane: renamed from people\nCREATE TABLE persons (\n  id int,\n"
        "  -- lockplane: renamed from full_name\n  name text\n);\n"
        "-- lockplane: renamed from people_name\nCREATE INDEX persons_name ON persons (name);\n",
        (
            "ALTER TABLE public.people RENAME TO persons",
            "ALTER TABLE public.persons RENAME COLUMN full_name TO name",
            "ALTER INDEX public.people_name RENAME TO persons_name",
        ),
        ("SELECT count(*), min(name) FROM persons", [(50, "n1")]),
        ("SELECT count(*), min(full_name) FROM people", [(50, "n1")]),
    ),
}


class Db:
    def __init__(self, server: str) -> None:
        self.server = server
        self.url = create_database(server)

    def run(self, sql: str) -> list[tuple[object, ...]]:
        conn = psycopg2.connect(libpq_dsn(self.url))
        conn.autocommit = True
        try:
            with conn.cursor() as cur:
                cur.execute(sql)
                return cur.fetchall() if cur.description else []
        finally:
            conn.close()

    def apply(self, plan: Plan) -> None:
        for step in plan.steps:
            for sql in step.sql:
                self.run(sql)

    def drop(self) -> None:
        drop_database(self.server, self.url)


def _plan(db: Db, path: Path, pg_server: str) -> Plan:
    current = engine.introspect_url(db.url)
    desired = engine.load_desired(path, shadow_url=pg_server, cwd=path.parent, env=NO_CACHE)
    hints = engine.rename_hints(path, cwd=path.parent, env=NO_CACHE)
    return engine.make_plan(current, desired, hints=hints, shadow_url=pg_server)


@pytest.mark.parametrize("name", sorted(CASES))
def test_rename_hint_oracle(name: str, pg_server: str, tmp_path: Path) -> None:
    case = CASES[name]
    path = tmp_path / "schema.lp.sql"
    path.write_text(case.desired, encoding="utf-8")
    db = Db(pg_server)
    try:
        db.run(case.current)
        start = engine.introspect_url(db.url)
        plan = _plan(db, path, pg_server)
        assert [s.sql for s in plan.steps] == [(sql,) for sql in case.renames]
        assert all(not s.rewrites and not s.scans for s in plan.steps)

        db.apply(plan)
        desired = engine.load_desired(path, shadow_url=pg_server, cwd=tmp_path, env=NO_CACHE)
        assert engine.introspect_url(db.url) == desired
        assert db.run(case.after[0]) == case.after[1]
        assert _plan(db, path, pg_server).steps == ()  # the hints stay: already applied

        db.apply(rollback_plan(plan, start))
        assert engine.introspect_url(db.url) == start
        assert db.run(case.before[0]) == case.before[1]
    finally:
        db.drop()


@pytest.mark.parametrize(
    ("desired", "position", "message"),
    [
        (
            "CREATE TABLE t (id int);\n-- lockplane: renamed from nope\nCREATE INDEX i ON t (id);",
            "2:1",
            "index public.nope does not exist",
        ),
        (
            "-- lockplane: renamed from nope\nCREATE VIEW v AS SELECT 1 AS x;",
            "1:1",
            "view public.nope does not exist",
        ),
        (
            "CREATE TABLE t (\n  id int,\n  -- lockplane: renamed from nope\n"
            "  CONSTRAINT c CHECK (id > 0)\n);",
            "3:3",
            "constraint 'nope' of table public.t does not exist",
        ),
        (
            "-- lockplane: renamed from nope\nCREATE SCHEMA s;",
            "1:1",
            "schema nope does not exist",
        ),
        (
            "-- lockplane: renamed from nope\nCREATE TYPE pair AS (a int, b int);",
            "1:1",
            "renaming a composite type is not supported yet",
        ),
        (
            "CREATE TYPE e AS ENUM (\n  'a',\n  -- lockplane: renamed from 'nope'\n  'b'\n);",
            "3:3",
            "value 'nope' of enum type public.e does not exist",
        ),
        (
            "-- lockplane: renamed from nope\nCREATE SEQUENCE s;",
            "1:1",
            "a rename hint must precede CREATE SCHEMA",
        ),
    ],
)
def test_a_hint_naming_nothing_is_an_error_at_its_position(
    desired: str, position: str, message: str, pg_server: str, tmp_path: Path
) -> None:
    path = tmp_path / "schema.lp.sql"
    path.write_text(desired, encoding="utf-8")
    db = Db(pg_server)
    try:
        with pytest.raises(SchemaSourceError, match=message) as raised:
            _plan(db, path, pg_server)
        assert str(raised.value).startswith(f"schema.lp.sql:{position}: ")
    finally:
        db.drop()
