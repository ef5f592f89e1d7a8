"""A column turned identity on a table that holds rows: the next insert must not collide."""

from __future__ import annotations

import psycopg2.extensions
import pytest

from alembic_lockplane.introspect import introspect
from alembic_lockplane.model.objects import Identity, Schema
from alembic_lockplane.plan.build import build_plan

pytestmark = pytest.mark.db


def _run(conn: psycopg2.extensions.connection, *sql: str) -> None:
    with conn.cursor() as cur:
        for statement in sql:
            cur.execute(statement)


def _to_identity(schema: Schema, start: int = 1) -> Schema:
    """``schema`` with widget.id an identity column and no serial sequence."""
    from dataclasses import replace

    table = schema.tables[0]
    column = replace(
        table.columns[0], default=None, identity=Identity(False, start=start, max_value=2147483647)
    )
    table = replace(table, columns=(column, *table.columns[1:]))
    return replace(schema, tables=(table,), sequences=())


def _apply(conn: psycopg2.extensions.connection, target: Schema) -> None:
    for step in build_plan(introspect(conn), target).steps:
        _run(conn, *step.sql)


@pytest.mark.parametrize("start", [1, 100])
def test_serial_turned_identity_continues_after_the_existing_keys(
    conn: psycopg2.extensions.connection, start: int
) -> None:
    _run(
        conn,
        "CREATE TABLE widget (id serial PRIMARY KEY, name text)",
        "INSERT INTO widget (name) VALUES ('a'), ('b'), ('c')",
    )
    _apply(conn, _to_identity(introspect(conn), start))
    _run(conn, "INSERT INTO widget (name) VALUES ('d')")
    with conn.cursor() as cur:
        cur.execute("SELECT id FROM widget WHERE name = 'd'")
        assert cur.fetchone() == (max(4, start),)


def test_an_identity_added_to_an_empty_table_starts_at_its_start(
    conn: psycopg2.extensions.connection,
) -> None:
    _run(conn, "CREATE TABLE widget (id int NOT NULL, name text)")
    _apply(conn, _to_identity(introspect(conn), 50))
    _run(conn, "INSERT INTO widget (name) VALUES ('a')")
    with conn.cursor() as cur:
        cur.execute("SELECT id FROM widget")
        assert cur.fetchone() == (50,)
