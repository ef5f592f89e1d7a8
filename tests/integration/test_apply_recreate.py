"""recreate: a whole introspected schema rebuilt in an empty database, by the planner.

The oracle is PostgreSQL: the schema built from SQL and the rebuilt one must introspect equal.
"""

from __future__ import annotations

import psycopg2
import psycopg2.extensions as ext
from pg_test_server import create_database, drop_database

from alembic_lockplane.apply import recreate
from alembic_lockplane.db.url import libpq_dsn
from alembic_lockplane.introspect import introspect
from alembic_lockplane.model.objects import Schema

RICH = """
COMMENT ON SCHEMA public IS 'the app';
CREATE SCHEMA app;
COMMENT ON SCHEMA app IS 'application tables';
CREATE EXTENSION citext WITH SCHEMA public;
CREATE TYPE app.status AS ENUM ('new', 'done', 'it''s odd');
CREATE SEQUENCE app.ticket_no START 100 INCREMENT 5 CACHE 2;
CREATE TABLE app.users (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email public.citext NOT NULL UNIQUE,
    status app.status NOT NULL DEFAULT 'new',
    ticket bigint DEFAULT nextval('app.ticket_no'),
    note text COLLATE "C" CHECK (note <> ''),
    score numeric(10, 2) DEFAULT 0,
    lower_email text GENERATED ALWAYS AS (lower(email::text)) STORED
);
COMMENT ON TABLE app.users IS 'people';
COMMENT ON COLUMN app.users.note IS 'free text, 50% off';
ALTER SEQUENCE app.ticket_no OWNED BY app.users.ticket;
CREATE TABLE public.posts (
    id serial PRIMARY KEY,
    user_id bigint NOT NULL REFERENCES app.users (id) ON DELETE CASCADE DEFERRABLE,
    title text,
    body text,
    CONSTRAINT title_body UNIQUE (title, body)
);
CREATE INDEX posts_title_idx ON public.posts (lower(title) DESC NULLS LAST) WHERE body IS NOT NULL;
CREATE INDEX posts_user_inc ON public.posts USING btree (user_id) INCLUDE (title);
ALTER TABLE public.posts ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_posts ON public.posts FOR SELECT USING (user_id > 0);
"""


def run(url: str, sql: str) -> None:
    conn = psycopg2.connect(libpq_dsn(url))
    conn.autocommit = True
    try:
        with conn.cursor() as cur:
            cur.execute(sql)
    finally:
        conn.close()


def rebuilt(pg_server: str, schema: Schema, scope: list[str] | None = None) -> Schema:
    url = create_database(pg_server)
    conn = psycopg2.connect(libpq_dsn(url))
    conn.autocommit = True
    try:
        recreate(conn, schema)
        return introspect(conn, scope)
    finally:
        conn.close()
        drop_database(pg_server, url)


def test_a_rich_schema_is_rebuilt_exactly(
    conn: ext.connection, db_url: str, pg_server: str
) -> None:
    run(db_url, RICH)
    original = introspect(conn)
    assert len(original.tables) == 2 and original.enums and original.extensions
    assert rebuilt(pg_server, original) == original


def test_a_narrowed_model_leaves_public_alone(
    conn: ext.connection, db_url: str, pg_server: str
) -> None:
    run(db_url, "CREATE SCHEMA app; CREATE TABLE app.t (id int PRIMARY KEY); DROP SCHEMA public")
    app_only = introspect(conn, ["app"])
    url = create_database(pg_server)
    target = psycopg2.connect(libpq_dsn(url))
    target.autocommit = True
    try:
        public_before = introspect(target, ["public"])
        recreate(target, app_only)
        assert introspect(target, ["app"]) == app_only
        assert introspect(target, ["public"]) == public_before
    finally:
        target.close()
        drop_database(pg_server, url)
