"""Rename hints on real servers: a table rename and a column rename keep their rows, the
plan applies to exactly the desired schema, re-plans empty, and rolls back to the start
(rows still there). A hint naming nothing that exists is an error at the hint's line."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import psycopg2
import psycopg2.extensions
import pytest
from pg_test_server import create_database, drop_database

from alembic_lockplane.db.url import libpq_dsn
from alembic_lockplane.diff.renames import Rename, rename_statements, resolve_renames
from alembic_lockplane.errors import SchemaSourceError
from alembic_lockplane.introspect import introspect
from alembic_lockplane.model.objects import Schema
from alembic_lockplane.plan.build import build_plan
from alembic_lockplane.plan.model import Plan
from alembic_lockplane.plan.renamed import plan_with_renames
from alembic_lockplane.plan.rollback import rollback_plan
from alembic_lockplane.source import Statement, read_source

pytestmark = pytest.mark.db

CURRENT = """
CREATE TABLE people (
  id bigint CONSTRAINT people_pkey PRIMARY KEY,
  full_name text NOT NULL,
  age int CONSTRAINT people_age_check CHECK (age >= 0)
);
CREATE INDEX people_name_idx ON people (full_name);
INSERT INTO people SELECT g, 'name ' || g, g % 80 FROM generate_series(1, 500) g;
"""
DESIRED = """-- lockplane: renamed from people
CREATE TABLE persons (
  id bigint CONSTRAINT people_pkey PRIMARY KEY,
  -- lockplane: renamed from full_name
  display_name text NOT NULL,
  age int CONSTRAINT people_age_check CHECK (age >= 0),
  nickname text
);
CREATE INDEX people_name_idx ON persons (display_name);
"""

Open = Callable[[str], psycopg2.extensions.connection]


@pytest.fixture
def open_db(pg_server: str) -> Iterator[Open]:
    made: list[tuple[str, psycopg2.extensions.connection]] = []

    def make(sql: str) -> psycopg2.extensions.connection:
        url = create_database(pg_server)
        c = psycopg2.connect(libpq_dsn(url))
        c.autocommit = True
        made.append((url, c))
        if sql.strip():
            with c.cursor() as cur:
                cur.execute(sql)
        return c

    yield make
    for url, c in made:
        c.close()
        drop_database(pg_server, url)


def _statements(tmp_path: Path, text: str) -> tuple[Statement, ...]:
    path = tmp_path / "schema.lp.sql"
    path.write_text(text, encoding="utf-8")
    parsed = read_source([path], cwd=tmp_path)
    assert not parsed.has_errors, parsed.diagnostics
    return tuple(parsed.statements)


def _apply(conn: psycopg2.extensions.connection, plan: Plan) -> None:
    with conn.cursor() as cur:
        for step in plan.steps:
            for statement in step.sql:
                cur.execute(statement)


def _plan(open_db: Open, tmp_path: Path, desired_text: str) -> tuple[Plan, Schema, Schema]:
    statements = _statements(tmp_path, desired_text)
    start = introspect(open_db(CURRENT))
    desired = introspect(open_db("; ".join(s.text for s in statements)))
    renames = resolve_renames(statements, start, desired)
    after = introspect(open_db(CURRENT + ";\n" + ";\n".join(rename_statements(renames))))
    plan = plan_with_renames(start, after, renames, lambda s: build_plan(s, desired))
    return plan, start, desired


def test_table_and_column_rename_keep_rows_and_roll_back(open_db: Open, tmp_path: Path) -> None:
    plan, start, desired = _plan(open_db, tmp_path, DESIRED)
    assert [s.sql for s in plan.steps] == [
        ("ALTER TABLE public.people RENAME TO persons",),
        ("ALTER TABLE public.persons RENAME COLUMN full_name TO display_name",),
        ("ALTER TABLE public.persons ADD COLUMN nickname text",),
    ]
    target = open_db(CURRENT)
    _apply(target, plan)
    assert introspect(target) == desired
    assert build_plan(introspect(target), desired).steps == ()
    with target.cursor() as cur:
        cur.execute("SELECT count(*), min(display_name), sum(age) FROM persons")
        assert cur.fetchone() == (500, "name 1", sum(g % 80 for g in range(1, 501)))

    _apply(target, rollback_plan(plan, start))
    assert introspect(target) == start
    with target.cursor() as cur:
        cur.execute("SELECT count(*), min(full_name) FROM people")
        assert cur.fetchone() == (500, "name 1")


def test_without_a_hint_the_plan_drops_and_creates(open_db: Open, tmp_path: Path) -> None:
    """Renames are never guessed: the same schema without hints loses the rows."""
    plan, _, _ = _plan(open_db, tmp_path, DESIRED.replace("-- lockplane: renamed from", "--"))
    descriptions = [s.description for s in plan.steps]
    assert "Drop table people" in descriptions and "Create table persons" in descriptions


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        (DESIRED.replace("from people", "from peeple"), 1, "table public.peeple does not exist"),
        (
            DESIRED.replace("from full_name", "from fullname"),
            4,
            "column 'fullname' of table public.people does not exist",
        ),
    ],
)
def test_a_hint_naming_nothing_is_an_error_at_its_line(
    open_db: Open, tmp_path: Path, text: str, line: int, message: str
) -> None:
    statements = _statements(tmp_path, text)
    start = introspect(open_db(CURRENT))
    desired = introspect(open_db("; ".join(s.text for s in statements)))
    with pytest.raises(SchemaSourceError, match=message) as raised:
        resolve_renames(statements, start, desired)
    assert raised.value.origin is not None and raised.value.origin.line == line


def test_rename_reverse_is_the_way_back() -> None:
    r = Rename("table", "app", "Old", "Old", "new")
    assert r.sql() == 'ALTER TABLE app."Old" RENAME TO new'
    assert r.reverse().sql() == 'ALTER TABLE app.new RENAME TO "Old"'
    c = Rename("column", "app", "t", "a b", "c")
    assert c.reverse().sql() == 'ALTER TABLE app.t RENAME COLUMN c TO "a b"'
