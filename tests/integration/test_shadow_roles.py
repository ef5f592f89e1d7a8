"""Roles on the shadow: the embedded shadow creates the roles a schema names (NOLOGIN, on
itself only); a configured shadow server never gets roles and the error names the one to
create; a rename plan reads owners and privileges as the current schema was read."""

from __future__ import annotations

import secrets
import threading
from collections.abc import Iterator
from pathlib import Path

import psycopg2
import psycopg2.extensions
import pytest

from alembic_lockplane.db.url import libpq_dsn
from alembic_lockplane.engine import load_desired, make_plan, rename_hints
from alembic_lockplane.errors import SchemaSourceError
from alembic_lockplane.introspect import introspect
from alembic_lockplane.model.objects import Policy, Schema, Table
from alembic_lockplane.model.types import OwnedKind, Owner, Privilege, PrivilegeKind
from alembic_lockplane.render.quote import quote_ident
from alembic_lockplane.shadow import embedded, roles

pytestmark = pytest.mark.db


def _admin(url: str) -> psycopg2.extensions.connection:
    conn = psycopg2.connect(libpq_dsn(url))
    conn.autocommit = True
    return conn


def _existing(url: str, names: list[str]) -> dict[str, bool]:
    """The roles of ``names`` that exist on the server of ``url``, with their LOGIN flag."""
    conn = _admin(url)
    try:
        with conn.cursor() as cur:
            cur.execute(
                "SELECT rolname, rolcanlogin FROM pg_roles WHERE rolname = ANY(%s)", (names,)
            )
            return dict(cur.fetchall())
    finally:
        conn.close()


def _drop_roles(url: str, names: list[str]) -> None:
    conn = _admin(url)
    try:
        with conn.cursor() as cur:
            for name in names:
                cur.execute(f"DROP ROLE IF EXISTS {quote_ident(name)}")
    finally:
        conn.close()


@pytest.fixture
def fresh_names() -> Iterator[list[str]]:
    """Role names no server has yet (quoting needed: capitals and a space); every one of
    them is dropped at the end from the embedded shadow this process uses."""
    token = secrets.token_hex(4)
    names = [f"LP Reader {token}", f"lp_writer_{token}", f"LP Policy {token}"]
    yield names
    _drop_roles(embedded.start(), names)


def test_a_desired_schema_naming_missing_roles_loads_on_the_embedded_shadow(
    tmp_path: Path, pg_server: str, fresh_names: list[str]
) -> None:
    reader, writer, policy_role = fresh_names
    (tmp_path / "s.lp.sql").write_text(
        "CREATE TABLE t (id int);\n"
        # one statement naming two missing roles: created one after the other
        f"GRANT SELECT ON t TO {quote_ident(reader)}, {quote_ident(writer)};\n"
        "ALTER TABLE t ENABLE ROW LEVEL SECURITY;\n"
        f"CREATE POLICY p ON t TO {quote_ident(policy_role)} USING (true);\n",
        encoding="utf-8",
    )
    desired = load_desired(tmp_path / "s.lp.sql", shadow_url=None, cwd=tmp_path, env={})
    assert {p.grantee for p in desired.privileges} == {reader, writer}
    assert desired.tables[0].policies[0].roles == (policy_role,)
    # on the embedded shadow, as roles nobody can log in as; never on the target's server
    assert _existing(embedded.start(), fresh_names) == dict.fromkeys(fresh_names, False)
    assert _existing(pg_server, fresh_names) == {}


def test_a_configured_shadow_never_gets_roles_and_the_hint_names_the_role(
    tmp_path: Path, pg_server: str
) -> None:
    missing = f"LP Missing {secrets.token_hex(4)}"
    (tmp_path / "s.lp.sql").write_text(
        f"CREATE TABLE t (id int);\nGRANT SELECT ON t TO {quote_ident(missing)};\n",
        encoding="utf-8",
    )
    with pytest.raises(SchemaSourceError) as caught:
        load_desired(tmp_path / "s.lp.sql", shadow_url=pg_server, cwd=tmp_path, env={})
    assert caught.value.message == f'role "{missing}" does not exist'
    assert caught.value.origin is not None and caught.value.origin.line == 2
    assert f'no role "{missing}"' in (caught.value.hint or "")
    assert _existing(pg_server, [missing]) == {}


def test_two_commands_creating_the_same_role_at_once_both_succeed(pg_server: str) -> None:
    name = f"lp_race_{secrets.token_hex(4)}"
    barrier = threading.Barrier(4)
    failures: list[BaseException] = []

    def create() -> None:
        conn = _admin(pg_server)
        try:
            barrier.wait()
            roles.create_role(conn, name)
        except BaseException as exc:  # reported below: the test must see every failure
            failures.append(exc)
        finally:
            conn.close()

    threads = [threading.Thread(target=create) for _ in range(4)]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert failures == []
        assert _existing(pg_server, [name]) == {name: False}
    finally:
        _drop_roles(pg_server, [name])


def test_the_roles_a_model_names_leave_out_public_and_the_current_user_words() -> None:
    table = Table(
        "public",
        "t",
        policies=(
            Policy("a", roles=("public",)),
            Policy("b", roles=("CURRENT_USER", "session_user", "current_role", "app_user")),
        ),
    )
    schema = Schema(
        tables=(table,),
        privileges=(
            Privilege(PrivilegeKind.TABLE, "public", "t", "PUBLIC", "SELECT"),
            Privilege(PrivilegeKind.TABLE, "public", "t", "Reader", "SELECT"),
        ),
        owners=(Owner(OwnedKind.TABLE, "public", "t", "owner x"),),
    )
    assert roles.schema_roles(schema) == {"app_user", "Reader", "owner x"}


@pytest.fixture
def target_roles(pg_server: str) -> Iterator[list[str]]:
    """Two roles of the test server (the target) only; dropped at the end there, and on
    the embedded shadow, which creates them as needed."""
    token = secrets.token_hex(4)
    names = [f"LP Owner {token}", f"lp_granted_{token}"]
    conn = _admin(pg_server)
    try:
        with conn.cursor() as cur:
            for name in names:
                cur.execute(f"CREATE ROLE {quote_ident(name)} NOLOGIN")
        yield names
    finally:
        try:
            _drop_roles(embedded.start(), names)
        finally:
            with conn.cursor() as cur:
                for name in names:
                    cur.execute(f"DROP ROLE IF EXISTS {quote_ident(name)}")
            conn.close()


def test_a_rename_plan_with_owners_plans_no_owner_change_on_the_embedded_shadow(
    tmp_path: Path, conn: psycopg2.extensions.connection, target_roles: list[str]
) -> None:
    owner, granted = (quote_ident(r) for r in target_roles)
    with conn.cursor() as cur:
        cur.execute(
            f"CREATE TABLE people (id int); ALTER TABLE people OWNER TO {owner};"
            f"GRANT SELECT ON people TO {granted}"
        )
    current = introspect(conn, owners=True)
    assert [o.role for o in current.owners] == [target_roles[0]]
    (tmp_path / "s.lp.sql").write_text(
        "-- lockplane: renamed from people\n"
        f"CREATE TABLE persons (id int);\nALTER TABLE persons OWNER TO {owner};\n"
        f"GRANT SELECT ON persons TO {granted};\n",
        encoding="utf-8",
    )
    path = tmp_path / "s.lp.sql"
    hints = rename_hints(path, cwd=tmp_path)
    try:
        for privileges in (True, False):
            desired = load_desired(
                path, shadow_url=None, cwd=tmp_path, env={}, owners=True, privileges=privileges
            )
            here = current if privileges else introspect(conn, owners=True, privileges=False)
            plan = make_plan(
                here, desired, hints=hints, shadow_url=None, owners=True, privileges=privileges
            )
            assert [s.description for s in plan.steps] == ["Rename table people to persons"]
    finally:
        with conn.cursor() as cur:
            cur.execute(f"DROP OWNED BY {owner}, {granted}")
