"""The splitter and ``origin_at`` held against a real PostgreSQL.

The static pass runs without a server, but its two promises are about PostgreSQL: each split
statement is exactly what PostgreSQL accepts as one statement, and a server error position maps to
the right file:line:col. These tests check both promises on the server itself.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import psycopg2
import psycopg2.errors
import pytest

from alembic_lockplane.model.objects import Origin
from alembic_lockplane.source import read_source
from alembic_lockplane.source.split import split_text

pytestmark = pytest.mark.db

TRICKY = (
    "/* header /* nested; */ still; */\r\n"
    'CREATE TABLE "semi;colon" (\r\n'
    "  note text DEFAULT E'it\\'s; fine',\r\n"
    "  path text DEFAULT 'C:\\',\r\n"
    '  "drop" int\r\n'
    ");\r\n"
    "CREATE FUNCTION body() RETURNS text LANGUAGE plpgsql AS $fn$\r\n"
    "BEGIN\r\n"
    "  RETURN $$a;b$$ || ';'; -- DROP TABLE x;\r\n"
    "END\r\n"
    "$fn$;\r\n"
    "\tCOMMENT ON TABLE \"semi;colon\" IS 'x; y';\r\n"
)


def run(conn: Any, sql: str) -> Any:
    with conn.cursor() as cur:
        cur.execute(sql)
        return cur.fetchall() if cur.description else None


def test_each_split_statement_runs_alone_in_postgres(conn: Any) -> None:
    result = split_text(TRICKY, "t.lp.sql")
    assert result.diagnostics == ()
    for statement in result.statements:
        run(conn, statement.text)
    assert run(conn, "SELECT body()") == [("a;b;",)]
    assert run(conn, "SELECT obj_description('\"semi;colon\"'::regclass)") == [("x; y",)]
    defaults = run(
        conn,
        "SELECT column_name, column_default FROM information_schema.columns "
        "WHERE table_name = 'semi;colon' ORDER BY ordinal_position",
    )
    assert defaults[0][1] == "'it''s; fine'::text"
    assert defaults[1][1] == "'C:\\'::text"
    assert [s.origin.line for s in result.statements] == [2, 7, 12]
    assert result.statements[2].origin.column == 2


def test_sql_standard_function_body_runs_as_one_statement(conn: Any) -> None:
    script = (
        "CREATE FUNCTION two() RETURNS int LANGUAGE sql\n"
        "BEGIN ATOMIC\n  SELECT 1;\n  SELECT CASE WHEN true THEN 2 END;\nEND;\nSELECT 3;"
    )
    statements = split_text(script, "f.lp.sql").statements
    assert len(statements) == 2
    run(conn, statements[0].text)
    assert run(conn, "SELECT two()") == [(2,)]


def error_origin(conn: Any, text: str) -> Origin:
    [statement] = split_text(text, "e.lp.sql").statements
    with pytest.raises(psycopg2.Error) as err:
        run(conn, statement.text)
    position = err.value.diag.statement_position
    assert position is not None
    return statement.origin_at(int(position))


def test_server_error_position_maps_to_file_line_column(conn: Any) -> None:
    script = "-- users\n\n  CREATE TABLE users (\n\tid int,\n\tname nosuchtype\n  );\n"
    assert error_origin(conn, script) == Origin("e.lp.sql", 5, 7)


def test_error_position_counts_characters_and_crlf(conn: Any) -> None:
    script = "CREATE TABLE café (\r\n  ünïcode text DEFAULT 'é',\r\n  b nosuchtype\r\n);"
    assert error_origin(conn, script) == Origin("e.lp.sql", 3, 5)


@pytest.mark.parametrize(
    "statement", ["CREATE SCHEMA IF NOT EXISTS public", "CREATE EXTENSION IF NOT EXISTS plpgsql"]
)
def test_if_not_exists_exemptions_are_needed_in_a_fresh_database(
    conn: Any, tmp_path: Path, statement: str
) -> None:
    """Why ``if_not_exists`` stays quiet here: without the clause PostgreSQL refuses."""
    path = tmp_path / "s.lp.sql"
    path.write_text(statement, encoding="utf-8")
    assert read_source([path], cwd=tmp_path).diagnostics == ()
    without = statement.replace(" IF NOT EXISTS", "")
    with pytest.raises((psycopg2.errors.DuplicateSchema, psycopg2.errors.DuplicateObject)):
        run(conn, without)
    run(conn, statement)
