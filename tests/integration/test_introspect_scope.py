"""What introspection includes and leaves out: schemas, extensions, exclusions, and the
catalog rows that are not model objects (identity sequences, constraint-backed indexes,
PostgreSQL 18's NOT NULL constraints, per-partition foreign-key rows)."""

from __future__ import annotations

import psycopg2.extensions as ext
import pytest

from alembic_lockplane.introspect import introspect
from alembic_lockplane.model.objects import (
    Column,
    Constraint,
    ConstraintKind,
    EnumType,
    Extension,
    ForeignKeyTarget,
    Index,
    IndexKey,
    Namespace,
    Schema,
    Table,
)


def _run(conn: ext.connection, sql: str) -> None:
    with conn.cursor() as cur:
        cur.execute(sql)


def test_empty_database_has_only_public(conn: ext.connection) -> None:
    _run(conn, "CREATE TEMP TABLE scratch (id int PRIMARY KEY)")
    assert introspect(conn) == Schema(
        namespaces=(Namespace(name="public", comment="standard public schema"),)
    )


def test_schemas_argument_narrows_every_kind(conn: ext.connection) -> None:
    _run(
        conn,
        """
        CREATE SCHEMA app; CREATE SCHEMA other;
        CREATE EXTENSION hstore WITH SCHEMA app VERSION '1.7';
        CREATE EXTENSION citext WITH SCHEMA other VERSION '1.6';
        CREATE TYPE app.e AS ENUM ('x'); CREATE TYPE other.e AS ENUM ('y');
        CREATE SEQUENCE app.s; CREATE SEQUENCE other.s;
        CREATE TABLE app.t (id int); CREATE TABLE other.t (id int); CREATE TABLE public.t (id int);
        CREATE INDEX t_idx ON app.t (id); CREATE INDEX t_idx ON other.t (id);
        """,
    )
    model = introspect(conn, ["app"])
    assert model.namespaces == (Namespace(name="app"),)
    assert model.extensions == (
        Extension(
            name="hstore",
            schema="app",
            version="1.7",
            comment="data type for storing sets of (key, value) pairs",
        ),
    )
    assert [e.key for e in model.enums] == [("type", "app", "e")]
    assert [s.key for s in model.sequences] == [("sequence", "app", "s")]
    assert [t.key for t in model.tables] == [("table", "app", "t")]
    assert [i.key for i in model.indexes] == [("index", "app", "t_idx")]

    assert introspect(conn, "app") == model  # one name, not the letters a, p, p

    everything = introspect(conn)
    assert [n.name for n in everything.namespaces] == ["app", "other", "public"]
    assert [e.name for e in everything.extensions] == ["citext", "hstore"]
    assert len(everything.tables) == 3


def test_objects_owned_by_an_extension_are_skipped(conn: ext.connection) -> None:
    # ALTER EXTENSION ... ADD makes an object a member (pg_depend deptype 'e'), exactly as
    # an extension's own script would.
    _run(
        conn,
        """
        CREATE EXTENSION hstore;
        CREATE SCHEMA ext_schema;
        CREATE TABLE ext_schema.inside (id int);
        CREATE TABLE member (id serial PRIMARY KEY);
        CREATE INDEX member_idx ON member (id);
        CREATE SEQUENCE member_seq;
        CREATE TYPE member_enum AS ENUM ('x');
        CREATE TABLE mine (id int);
        ALTER EXTENSION hstore ADD SCHEMA ext_schema;
        ALTER EXTENSION hstore ADD TABLE member;
        ALTER EXTENSION hstore ADD SEQUENCE member_seq;
        ALTER EXTENSION hstore ADD TYPE member_enum;
        """,
    )
    model = introspect(conn)
    assert [n.name for n in model.namespaces] == ["public"]
    assert [t.name for t in model.tables] == ["mine"]
    assert model.enums == ()
    # member_id_seq belongs to the member table through OWNED BY, not to the extension.
    assert [s.name for s in model.sequences] == ["member_id_seq"]
    assert model.indexes == ()


def test_alembic_version_is_excluded_in_any_schema_by_default(conn: ext.connection) -> None:
    _run(
        conn,
        """
        CREATE SCHEMA app;
        CREATE TABLE public.alembic_version (version_num varchar(32) PRIMARY KEY);
        CREATE TABLE app.alembic_version (version_num varchar(32) PRIMARY KEY);
        CREATE TABLE app.kept (id int);
        """,
    )
    assert [t.key for t in introspect(conn).tables] == [("table", "app", "kept")]
    everything = introspect(conn, exclude_tables=())
    assert [t.key for t in everything.tables] == [
        ("table", "app", "alembic_version"),
        ("table", "app", "kept"),
        ("table", "public", "alembic_version"),
    ]
    version = everything.table("public", "alembic_version")
    assert version == Table(
        schema="public",
        name="alembic_version",
        columns=(Column(name="version_num", type="character varying(32)", not_null=True),),
        constraints=(
            Constraint(
                name="alembic_version_pkey",
                kind=ConstraintKind.PRIMARY_KEY,
                definition="PRIMARY KEY (version_num)",
                columns=("version_num",),
            ),
        ),
    )


def test_schema_qualified_exclusion_takes_the_table_and_what_it_owns(
    conn: ext.connection,
) -> None:
    _run(
        conn,
        """
        CREATE SCHEMA app;
        CREATE TABLE app.audit (id serial PRIMARY KEY, at date);
        CREATE INDEX audit_at_idx ON app.audit (at);
        CREATE TABLE public.audit (id int);
        CREATE INDEX public_audit_idx ON public.audit (id);
        """,
    )
    model = introspect(conn, exclude_tables=[("app", "audit")])
    assert [t.key for t in model.tables] == [("table", "public", "audit")]
    assert [i.name for i in model.indexes] == ["public_audit_idx"]
    assert model.sequences == ()  # app.audit_id_seq went with its table


def test_objects_created_under_a_search_path_come_out_qualified(conn: ext.connection) -> None:
    _run(
        conn,
        """
        CREATE SCHEMA app;
        SET search_path = app;
        CREATE TYPE mood AS ENUM ('ok');
        CREATE SEQUENCE s;
        CREATE TABLE parent (id int PRIMARY KEY);
        CREATE TABLE child (
            n bigint DEFAULT nextval('s'),
            m mood DEFAULT 'ok',
            p int REFERENCES parent,
            CHECK (m <> 'ok'::mood OR n > 0)
        );
        CREATE INDEX child_m_idx ON child (m) WHERE m = 'ok';
        RESET search_path;
        """,
    )
    model = introspect(conn)
    child = model.table("app", "child")
    assert child is not None
    assert child.columns == (
        Column(name="n", type="bigint", default="nextval('app.s'::regclass)"),
        Column(name="m", type="app.mood", default="'ok'::app.mood"),
        Column(name="p", type="integer"),
    )
    assert [c.definition for c in child.constraints] == [
        "CHECK (((m <> 'ok'::app.mood) OR (n > 0)))",
        "FOREIGN KEY (p) REFERENCES app.parent(id)",
    ]
    assert model.indexes == (
        Index(
            schema="app",
            name="child_m_idx",
            table="child",
            definition="CREATE INDEX child_m_idx ON app.child USING btree (m) "
            "WHERE (m = 'ok'::app.mood)",
            keys=(IndexKey(expression="m"),),
            predicate="(m = 'ok'::app.mood)",
        ),
    )
    assert model.enums == (EnumType(schema="app", name="mood", values=("ok",)),)


def test_not_null_is_a_column_property_on_every_version(conn: ext.connection) -> None:
    # On 18 this also creates pg_constraint rows of contype 'n'; they must not show.
    _run(conn, "CREATE TABLE t (a int NOT NULL, b text NOT NULL DEFAULT '', c int)")
    table = introspect(conn).table("public", "t")
    assert table == Table(
        schema="public",
        name="t",
        columns=(
            Column(name="a", type="integer", not_null=True),
            Column(name="b", type="text", not_null=True, default="''::text"),
            Column(name="c", type="integer"),
        ),
    )


def test_unique_nulls_not_distinct(conn: ext.connection, pg_version_num: int) -> None:
    if pg_version_num < 150000:
        pytest.skip("NULLS NOT DISTINCT needs PostgreSQL 15")
    _run(
        conn,
        """
        CREATE TABLE t (a int, b int, CONSTRAINT t_ab_key UNIQUE NULLS NOT DISTINCT (a, b));
        CREATE UNIQUE INDEX t_b_idx ON t (b) NULLS NOT DISTINCT;
        CREATE UNIQUE INDEX t_a_idx ON t (a);
        """,
    )
    model = introspect(conn)
    table = model.table("public", "t")
    assert table is not None
    assert table.constraints == (
        Constraint(
            name="t_ab_key",
            kind=ConstraintKind.UNIQUE,
            definition="UNIQUE NULLS NOT DISTINCT (a, b)",
            columns=("a", "b"),
        ),
    )
    assert model.indexes == (
        Index(
            schema="public",
            name="t_a_idx",
            table="t",
            definition="CREATE UNIQUE INDEX t_a_idx ON public.t USING btree (a)",
            unique=True,
            keys=(IndexKey(expression="a"),),
        ),
        Index(
            schema="public",
            name="t_b_idx",
            table="t",
            definition="CREATE UNIQUE INDEX t_b_idx ON public.t USING btree (b) NULLS NOT DISTINCT",
            unique=True,
            keys=(IndexKey(expression="b"),),
            nulls_not_distinct=True,
        ),
    )


def test_foreign_key_to_a_partitioned_table_is_one_constraint(conn: ext.connection) -> None:
    # PostgreSQL adds a hidden row per partition (same name, conparentid set) on the
    # referencing table; the user declared one constraint.
    _run(
        conn,
        """
        CREATE TABLE events (id int, at date, PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
        CREATE TABLE events_2024 PARTITION OF events
            FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
        CREATE TABLE events_2025 PARTITION OF events
            FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
        CREATE TABLE notes (event_id int, event_at date,
            CONSTRAINT notes_event_fk FOREIGN KEY (event_id, event_at) REFERENCES events);
        """,
    )
    model = introspect(conn)
    notes = model.table("public", "notes")
    assert notes is not None
    assert notes.constraints == (
        Constraint(
            name="notes_event_fk",
            kind=ConstraintKind.FOREIGN_KEY,
            definition="FOREIGN KEY (event_id, event_at) REFERENCES public.events(id, at)",
            columns=("event_id", "event_at"),
            references=ForeignKeyTarget(schema="public", table="events", columns=("id", "at")),
        ),
    )
    assert model.table("public", "events") is not None  # relkind 'p' is a table
