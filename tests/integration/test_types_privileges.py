"""Composite types, range types and privileges on a real server: what PostgreSQL creates
by itself (range constructors, multirange types, table row types, default ACLs) stays out
of the model, and grants to a role of the server's own plan, apply and roll back."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from pathlib import Path

import psycopg2
import psycopg2.extensions
import pytest

from alembic_lockplane.cli.commands import _schema_sql
from alembic_lockplane.db.url import libpq_dsn
from alembic_lockplane.engine import load_desired
from alembic_lockplane.errors import SchemaSourceError
from alembic_lockplane.introspect import introspect
from alembic_lockplane.model.objects import Schema
from alembic_lockplane.model.types import Privilege, PrivilegeKind
from alembic_lockplane.plan.build import build_plan
from alembic_lockplane.plan.rollback import rollback_plan
from alembic_lockplane.render.quote import quote_ident

pytestmark = pytest.mark.db


def _run(conn: psycopg2.extensions.connection, sql: str) -> None:
    with conn.cursor() as cur:
        cur.execute(sql)


def test_what_postgresql_creates_by_itself_is_not_in_the_model(
    conn: psycopg2.extensions.connection, pg_version_num: int
) -> None:
    _run(
        conn,
        """
        CREATE TYPE floatrange AS RANGE (subtype = float8, subtype_diff = float8mi);
        CREATE TYPE pair AS (a int, b text);
        CREATE TABLE t (id int, p pair, r floatrange);
        CREATE VIEW v AS SELECT id FROM t;
        CREATE SEQUENCE s;
        CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1';
        """,
    )
    schema = introspect(conn)
    # the range's constructor functions (and, from 14, its multirange's) are the type's
    assert [f.signature for f in schema.functions] == ["f()"]
    assert [t.name for t in schema.range_types] == ["floatrange"]
    assert schema.range_types[0].multirange is None  # the derived name is not recorded
    # the row types of the table, view and sequence are not composite types
    assert [t.name for t in schema.composite_types] == ["pair"]
    # nothing was granted: every ACL is its owner's default, public schema included
    assert schema.privileges == ()


def test_a_revoke_and_grant_back_is_no_difference(conn: psycopg2.extensions.connection) -> None:
    _run(
        conn,
        """
        CREATE TABLE t (id int);
        GRANT SELECT ON t TO PUBLIC;
        REVOKE SELECT ON t FROM PUBLIC;
        CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1';
        REVOKE EXECUTE ON FUNCTION f() FROM PUBLIC;
        GRANT EXECUTE ON FUNCTION f() TO PUBLIC;
        """,
    )
    assert introspect(conn).privileges == ()


@pytest.fixture
def role(pg_server: str) -> Iterator[str]:
    """A role of the test server, with a name no other test uses; dropped at the end."""
    name = f"LP Reader {secrets.token_hex(4)}"
    admin = psycopg2.connect(libpq_dsn(pg_server))
    admin.autocommit = True
    try:
        _run(admin, f"CREATE ROLE {quote_ident(name)} NOLOGIN")
        yield name
    finally:
        _run(admin, f"DROP ROLE IF EXISTS {quote_ident(name)}")
        admin.close()


def _apply(conn: psycopg2.extensions.connection, statements: list[str]) -> None:
    for sql in statements:
        _run(conn, sql)


def test_grants_to_a_role_plan_apply_and_roll_back(
    role: str, pg_server: str, conn: psycopg2.extensions.connection
) -> None:
    who = quote_ident(role)
    _run(conn, "CREATE SCHEMA app; CREATE TABLE app.t (id int, secret text)")
    start = introspect(conn)
    _run(
        conn,
        f"""
        GRANT USAGE ON SCHEMA app TO {who};
        GRANT SELECT (id) ON app.t TO {who};
        GRANT INSERT ON app.t TO {who} WITH GRANT OPTION;
        """,
    )
    desired = introspect(conn)
    assert Privilege(PrivilegeKind.TABLE, "app", "t", role, "SELECT", column="id") in (
        desired.privileges
    )
    assert len(desired.privileges) == 3
    _run(conn, f"DROP OWNED BY {who}")  # back to the start: no grants
    assert introspect(conn) == start

    plan = build_plan(start, desired)
    assert any("TO " + who in sql for step in plan.steps for sql in step.sql)
    _apply(conn, [sql for step in plan.steps for sql in step.sql])
    assert introspect(conn) == desired
    assert build_plan(introspect(conn), desired).steps == ()

    _apply(conn, [sql for step in rollback_plan(plan, start).steps for sql in step.sql])
    assert introspect(conn) == start
    _run(conn, f"DROP OWNED BY {who}")  # nothing of the role is left behind


MORE_KINDS = """\
CREATE TYPE mood AS ENUM ('ok', 'meh');
CREATE TYPE floatrange AS RANGE (subtype = float8, subtype_diff = float8mi);
CREATE TYPE reading AS (span floatrange, how mood, note text COLLATE "C");
COMMENT ON TYPE reading IS 'one reading';
COMMENT ON COLUMN reading.note IS 'free text';
CREATE TABLE readings (id int PRIMARY KEY, r reading, history reading[]);
GRANT SELECT ON readings TO PUBLIC;
GRANT UPDATE (r) ON readings TO PUBLIC;
CREATE FUNCTION latest() RETURNS int LANGUAGE sql AS 'SELECT 1';
REVOKE EXECUTE ON FUNCTION latest() FROM PUBLIC;
REVOKE USAGE ON TYPE mood FROM PUBLIC;
"""


def test_convert_to_sql_round_trips_types_and_privileges(tmp_path: Path, pg_server: str) -> None:
    (tmp_path / "types.lp.sql").write_text(MORE_KINDS, encoding="utf-8")
    first = load_desired(tmp_path / "types.lp.sql", shadow_url=pg_server, cwd=tmp_path, env={})
    assert first.composite_types and first.range_types and len(first.privileges) == 4
    (tmp_path / "again.lp.sql").write_text(_schema_sql(first), encoding="utf-8")
    again = load_desired(tmp_path / "again.lp.sql", shadow_url=pg_server, cwd=tmp_path, env={})
    assert again == first


def test_owners_are_read_only_when_asked_and_plan_apply_and_roll_back(
    role: str, conn: psycopg2.extensions.connection
) -> None:
    who = quote_ident(role)
    _run(
        conn,
        """
        CREATE SCHEMA app;
        CREATE TABLE app.t (id serial PRIMARY KEY);
        CREATE VIEW app.v AS SELECT id FROM app.t;
        CREATE FUNCTION app.f(x int) RETURNS int LANGUAGE sql AS 'SELECT x';
        CREATE TYPE app.pair AS (a int);
        CREATE DOMAIN app.posint AS int;
        """,
    )
    start = introspect(conn, owners=True)
    assert start.owners == ()  # the connecting role owns everything
    _run(
        conn,
        f"""
        ALTER SCHEMA app OWNER TO {who};
        ALTER TABLE app.t OWNER TO {who};
        ALTER VIEW app.v OWNER TO {who};
        ALTER FUNCTION app.f(int) OWNER TO {who};
        ALTER TYPE app.pair OWNER TO {who};
        ALTER DOMAIN app.posint OWNER TO {who};
        """,
    )
    assert introspect(conn).owners == ()  # not asked: owners are ignored
    desired = introspect(conn, owners=True)
    # the serial's sequence follows its table: no owner of its own
    assert sorted((o.kind.value, o.name, o.role) for o in desired.owners) == [
        ("domain", "posint", role),
        ("function", "f", role),
        ("schema", "app", role),
        ("table", "t", role),
        ("type", "pair", role),
        ("view", "v", role),
    ]
    back = [
        "ALTER SCHEMA app OWNER TO CURRENT_USER",
        "ALTER TABLE app.t OWNER TO CURRENT_USER",
        "ALTER VIEW app.v OWNER TO CURRENT_USER",
        "ALTER FUNCTION app.f(int) OWNER TO CURRENT_USER",
        "ALTER TYPE app.pair OWNER TO CURRENT_USER",
        "ALTER DOMAIN app.posint OWNER TO CURRENT_USER",
    ]
    _apply(conn, back)
    assert introspect(conn, owners=True) == start

    plan = build_plan(start, desired)
    assert len(plan.steps) == 6
    _apply(conn, [sql for step in plan.steps for sql in step.sql])
    assert introspect(conn, owners=True) == desired
    assert build_plan(introspect(conn, owners=True), desired).steps == ()
    _apply(conn, [sql for step in rollback_plan(plan, start).steps for sql in step.sql])
    assert introspect(conn, owners=True) == start


def test_an_object_owned_by_another_role_is_given_back_before_it_is_dropped(
    role: str, conn: psycopg2.extensions.connection
) -> None:
    who = quote_ident(role)
    _run(conn, f"CREATE TABLE gone (id int); ALTER TABLE gone OWNER TO {who}")
    start = introspect(conn, owners=True)
    plan = build_plan(start, Schema(namespaces=start.namespaces))
    assert [step.description for step in plan.steps] == [
        "Change owner of table gone to the role running the plan",
        "Drop table gone",
    ]
    _apply(conn, [sql for step in plan.steps for sql in step.sql])
    _apply(conn, [sql for step in rollback_plan(plan, start).steps for sql in step.sql])
    assert introspect(conn, owners=True) == start
    _run(conn, f"DROP OWNED BY {who}")


def test_a_grant_to_a_role_the_shadow_lacks_fails_at_its_line_with_a_hint(
    tmp_path: Path, pg_server: str
) -> None:
    missing = f"lp_missing_{secrets.token_hex(4)}"
    (tmp_path / "s.lp.sql").write_text(
        f"CREATE TABLE t (id int);\nGRANT SELECT ON t TO {missing};\n", encoding="utf-8"
    )
    with pytest.raises(SchemaSourceError) as caught:
        load_desired(tmp_path / "s.lp.sql", shadow_url=pg_server, cwd=tmp_path, env={})
    assert f'role "{missing}" does not exist' in caught.value.message
    assert caught.value.origin is not None and caught.value.origin.line == 2
    assert "SHADOW_DATABASE_URL" in (caught.value.hint or "")
