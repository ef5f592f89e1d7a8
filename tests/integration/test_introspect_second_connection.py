"""A catalog read may run its costliest query on a second connection: same snapshot, same
result, and never when the read happens inside the caller's transaction."""

from __future__ import annotations

import psycopg2
import psycopg2.extensions as ext
import pytest

from alembic_lockplane.db.connect import connect
from alembic_lockplane.engine import introspect_url
from alembic_lockplane.introspect import introspect
from alembic_lockplane.introspect.session import second_connection

pytestmark = pytest.mark.db

DDL = """
CREATE SCHEMA app;
CREATE TABLE app.users (id bigint PRIMARY KEY, email text NOT NULL, name text, born date);
CREATE UNIQUE INDEX users_email_idx ON app.users (lower(email)) WHERE email <> '';
CREATE INDEX users_name_born_idx ON app.users (name DESC NULLS LAST, born) INCLUDE (id);
CREATE TABLE app.posts (id int, author bigint REFERENCES app.users (id), title text);
CREATE INDEX posts_title_idx ON app.posts USING hash (title);
"""


def test_same_schema_with_and_without_the_second_connection(
    conn: ext.connection, db_url: str
) -> None:
    with conn.cursor() as cur:
        cur.execute(DDL)
    alone: list[str] = []
    helped: list[str] = []
    plain = introspect(conn, on_query=alone.append)
    opened: list[int] = []

    def factory() -> ext.connection:
        opened.append(1)
        return connect(db_url)

    with second_connection(factory):
        both = introspect(conn, on_query=helped.append)
    assert opened == [1]
    assert both == plain
    assert {i.name for i in both.indexes} == {
        "users_email_idx",
        "users_name_born_idx",
        "posts_title_idx",
    }
    assert helped == [*alone[:2], "export snapshot", *alone[2:]]
    assert introspect_url(db_url) == plain


def test_the_second_connection_reads_the_same_snapshot(conn: ext.connection, db_url: str) -> None:
    with conn.cursor() as cur:
        cur.execute(DDL)
    before = introspect(conn)

    def late_factory() -> ext.connection:
        # another session commits a new index after our snapshot was taken
        other = connect(db_url, autocommit=True)
        with other.cursor() as cur:
            cur.execute("CREATE INDEX posts_author_idx ON app.posts (author)")
        other.close()
        return connect(db_url)

    with second_connection(late_factory):
        during = introspect(conn)
    assert during == before
    assert "posts_author_idx" in {i.name for i in introspect(conn).indexes}


def test_no_second_connection_or_a_failing_one_changes_nothing(
    conn: ext.connection, db_url: str
) -> None:
    with conn.cursor() as cur:
        cur.execute(DDL)
    plain = introspect(conn)

    def refused() -> ext.connection:
        raise psycopg2.OperationalError("too many connections")

    with second_connection(refused):
        assert introspect(conn) == plain


def test_not_used_inside_the_callers_transaction(db_url: str) -> None:
    caller = connect(db_url)  # not autocommit: the caller's own transaction
    try:
        with caller.cursor() as cur:
            cur.execute(DDL)  # uncommitted: another connection could not see it
        called: list[int] = []

        def factory() -> ext.connection:
            called.append(1)
            return connect(db_url)

        with second_connection(factory):
            schema = introspect(caller)
        assert called == []
        assert "posts_title_idx" in {i.name for i in schema.indexes}
    finally:
        caller.rollback()
        caller.close()
