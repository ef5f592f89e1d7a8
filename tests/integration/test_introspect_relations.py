"""Introspection of foreign keys, row-level security, policies and standalone indexes.

Built once per module from plain SQL; each test compares one part of the model with values
written out by hand as PostgreSQL renders them (``search_path`` empty, so user objects are
schema-qualified). The same expectations hold on 15 and 18.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import psycopg2
import pytest

from alembic_lockplane.db.url import libpq_dsn, with_database
from alembic_lockplane.introspect import introspect
from alembic_lockplane.model.objects import (
    Column,
    Constraint,
    ConstraintKind,
    ForeignKeyTarget,
    Index,
    IndexKey,
    Policy,
    Schema,
    Table,
)

DDL = r"""
CREATE SCHEMA app;
CREATE FUNCTION app.default_note() RETURNS text LANGUAGE sql AS $$SELECT 'n/a'$$;
CREATE TABLE app.tickets (id integer PRIMARY KEY);
CREATE TABLE app."user" (id bigint PRIMARY KEY);
CREATE TABLE app.orders (
    id integer PRIMARY KEY,
    user_id bigint,
    ticket_id integer,
    a integer,
    b integer,
    note text DEFAULT app.default_note(),
    CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES app."user" (id)
        MATCH FULL ON UPDATE CASCADE ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
    CONSTRAINT orders_ticket_fk FOREIGN KEY (ticket_id) REFERENCES app.tickets (id)
        ON DELETE RESTRICT
);
ALTER TABLE app.orders ADD CONSTRAINT orders_ab_check CHECK (a < b) NOT VALID;
ALTER TABLE app.orders ADD CONSTRAINT orders_user_default_fk FOREIGN KEY (user_id)
    REFERENCES app."user" (id) ON DELETE SET DEFAULT NOT VALID;
CREATE INDEX orders_lower_note_idx ON app.orders (lower(note) text_pattern_ops DESC NULLS LAST);
CREATE UNIQUE INDEX orders_a_partial_idx ON app.orders (a) INCLUDE (b, note) WHERE (a > 0);
CREATE INDEX orders_note_c_idx ON app.orders (note COLLATE "C", user_id NULLS FIRST);
COMMENT ON INDEX app.orders_a_partial_idx IS 'positive a';
ALTER TABLE app.orders ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.orders FORCE ROW LEVEL SECURITY;
CREATE POLICY orders_owner ON app.orders AS RESTRICTIVE FOR UPDATE
    TO pg_signal_backend, pg_monitor USING (a > 0) WITH CHECK (b > a);
CREATE POLICY "Select all" ON app.orders FOR SELECT USING (true);
CREATE POLICY ins ON app.orders FOR INSERT WITH CHECK (b IS NOT NULL);
CREATE POLICY del ON app.orders FOR DELETE TO PUBLIC USING (note = 'x');
CREATE POLICY everything ON app.tickets USING (id > 0);
COMMENT ON POLICY ins ON app.orders IS 'who may insert';
"""


@pytest.fixture(scope="module")
def model(pg_server: str) -> Iterator[Schema]:
    """The introspected model of a database built from ``DDL`` (built once per module)."""
    name = f"lpt_{uuid.uuid4().hex[:12]}"
    admin = psycopg2.connect(libpq_dsn(pg_server))
    admin.autocommit = True
    with admin.cursor() as cur:
        cur.execute(f'CREATE DATABASE "{name}"')
    try:
        conn = psycopg2.connect(libpq_dsn(with_database(pg_server, name)))
        conn.autocommit = True
        try:
            with conn.cursor() as cur:
                cur.execute(DDL)
            yield introspect(conn)
        finally:
            conn.close()
    finally:
        with admin.cursor() as cur:
            cur.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


def _table(model: Schema, schema: str, name: str) -> Table:
    table = model.table(schema, name)
    assert table is not None, f"{schema}.{name} missing; have {[t.key for t in model.tables]}"
    return table


def test_foreign_keys_actions_match_deferral_and_not_valid(model: Schema) -> None:
    orders = _table(model, "app", "orders")
    assert orders.constraints == (
        Constraint(
            name="orders_ab_check",
            kind=ConstraintKind.CHECK,
            definition="CHECK ((a < b))",
            columns=("a", "b"),
            validated=False,
        ),
        Constraint(
            name="orders_pkey",
            kind=ConstraintKind.PRIMARY_KEY,
            definition="PRIMARY KEY (id)",
            columns=("id",),
        ),
        Constraint(
            name="orders_ticket_fk",
            kind=ConstraintKind.FOREIGN_KEY,
            definition="FOREIGN KEY (ticket_id) REFERENCES app.tickets(id) ON DELETE RESTRICT",
            columns=("ticket_id",),
            references=ForeignKeyTarget(
                schema="app", table="tickets", columns=("id",), on_delete="RESTRICT"
            ),
        ),
        Constraint(
            name="orders_user_default_fk",
            kind=ConstraintKind.FOREIGN_KEY,
            definition='FOREIGN KEY (user_id) REFERENCES app."user"(id) ON DELETE SET DEFAULT',
            columns=("user_id",),
            references=ForeignKeyTarget(
                schema="app", table="user", columns=("id",), on_delete="SET DEFAULT"
            ),
            validated=False,
        ),
        Constraint(
            name="orders_user_fk",
            kind=ConstraintKind.FOREIGN_KEY,
            definition='FOREIGN KEY (user_id) REFERENCES app."user"(id) MATCH FULL '
            "ON UPDATE CASCADE ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED",
            columns=("user_id",),
            references=ForeignKeyTarget(
                schema="app",
                table="user",
                columns=("id",),
                on_update="CASCADE",
                on_delete="SET NULL",
                match="FULL",
            ),
            deferrable=True,
            initially_deferred=True,
        ),
    )


def test_default_calling_a_user_function_is_schema_qualified(model: Schema) -> None:
    orders = _table(model, "app", "orders")
    assert orders.column("note") == Column(name="note", type="text", default="app.default_note()")


def test_row_level_security_and_policies(model: Schema) -> None:
    orders = _table(model, "app", "orders")
    assert (orders.rls_enabled, orders.rls_forced) == (True, True)
    assert orders.policies == (
        Policy(name="Select all", command="SELECT", roles=("public",), using="true"),
        Policy(name="del", command="DELETE", roles=("public",), using="(note = 'x'::text)"),
        Policy(
            name="ins",
            command="INSERT",
            roles=("public",),
            with_check="(b IS NOT NULL)",
            comment="who may insert",
        ),
        Policy(
            name="orders_owner",
            permissive=False,
            command="UPDATE",
            roles=("pg_monitor", "pg_signal_backend"),
            using="(a > 0)",
            with_check="(b > a)",
        ),
    )
    tickets = _table(model, "app", "tickets")
    assert (tickets.rls_enabled, tickets.rls_forced) == (False, False)
    assert tickets.policies == (
        Policy(name="everything", command="ALL", roles=("public",), using="(id > 0)"),
    )


def test_indexes_method_expression_opclass_order_partial_include_unique(model: Schema) -> None:
    assert model.indexes == (
        Index(
            schema="app",
            name="orders_a_partial_idx",
            table="orders",
            definition="CREATE UNIQUE INDEX orders_a_partial_idx ON app.orders USING btree (a) "
            "INCLUDE (b, note) WHERE (a > 0)",
            unique=True,
            keys=(IndexKey(expression="a"),),
            include=("b", "note"),
            predicate="(a > 0)",
            comment="positive a",
        ),
        Index(
            schema="app",
            name="orders_lower_note_idx",
            table="orders",
            definition="CREATE INDEX orders_lower_note_idx ON app.orders USING btree "
            "(lower(note) text_pattern_ops DESC NULLS LAST)",
            keys=(IndexKey(expression="lower(note)", opclass="text_pattern_ops", descending=True),),
        ),
        Index(
            schema="app",
            name="orders_note_c_idx",
            table="orders",
            definition="CREATE INDEX orders_note_c_idx ON app.orders USING btree "
            '(note COLLATE "C", user_id NULLS FIRST)',
            keys=(
                IndexKey(expression="note", collation='"C"'),
                IndexKey(expression="user_id", nulls_first=True),
            ),
        ),
    )
