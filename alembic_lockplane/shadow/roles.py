"""Roles on the shadow: created on demand on the embedded server, never on a configured one.

Roles belong to a PostgreSQL cluster, not to a schema, so a desired schema that grants to
``app_reader`` or a current schema with policies for ``app_user`` cannot be rebuilt on a
server that lacks those roles. The embedded shadow is our own disposable cluster: there a
missing role is created as ``NOLOGIN`` (it can hold privileges and own objects, and nobody
can log in as it) and stays for later commands. A server the user configured
(``SHADOW_DATABASE_URL``) is theirs: we never create roles on it, and the error names the
role to create.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import psycopg2
import psycopg2.errors
import psycopg2.extensions

from alembic_lockplane.model.objects import Schema
from alembic_lockplane.render.quote import quote_ident

UNDEFINED_OBJECT = "42704"
_MISSING_ROLE = re.compile(r'^role "(.*)" does not exist$', re.DOTALL)
# Names a policy may use that are not roles (PUBLIC is read back as "public").
_NOT_ROLES = frozenset({"public", "current_user", "session_user", "current_role"})


def creates_roles(shadow_url: str | None) -> bool:
    """Roles are created only on the embedded shadow (no shadow URL configured)."""
    return not shadow_url


def missing_role(sqlstate: str | None, message: str | None) -> str | None:
    """The role of PostgreSQL's ``role "..." does not exist`` error, else ``None``."""
    if sqlstate != UNDEFINED_OBJECT or not message:
        return None
    found = _MISSING_ROLE.match(message.strip())
    return found.group(1) if found else None


def missing_role_of(exc: BaseException | None) -> str | None:
    """``missing_role`` of a psycopg2 error, also when wrapped (SQLAlchemy's ``orig``, or
    an exception's cause)."""
    seen = 0
    while exc is not None and seen < 10:
        if isinstance(exc, psycopg2.Error):
            return missing_role(exc.pgcode, exc.diag.message_primary)
        exc = getattr(exc, "orig", None) or exc.__cause__
        seen += 1
    return None


def missing_role_hint(role: str) -> str:
    """What to do when a configured shadow server lacks ``role``."""
    return (
        f'the shadow server has no role "{role}": roles are not part of the schema, so '
        f"create it there (CREATE ROLE {quote_ident(role)} NOLOGIN is enough), or unset "
        "SHADOW_DATABASE_URL to use the embedded shadow, which creates missing roles itself"
    )


def schema_roles(*schemas: Schema) -> set[str]:
    """Every role the models name: privilege grantees, policy roles, owners."""
    names: set[str] = set()
    for schema in schemas:
        names.update(p.grantee for p in schema.privileges)
        names.update(o.role for o in schema.owners)
        for table in schema.tables:
            for policy in table.policies:
                names.update(policy.roles)
    return {n for n in names if n.lower() not in _NOT_ROLES}


def create_role(conn: psycopg2.extensions.connection, role: str) -> None:
    """``CREATE ROLE <role> NOLOGIN``; a role created meanwhile by another command is fine.

    Two sessions creating the same role at once: the second sees the role (42710), or,
    when both passed the existence check, waits on the unique index of ``pg_authid`` and
    gets a unique violation (23505) once the first commits. Either way the role exists.
    ``conn`` must be in autocommit mode.
    """
    try:
        with conn.cursor() as cur:
            cur.execute(f"CREATE ROLE {quote_ident(role)} NOLOGIN")
    except (psycopg2.errors.DuplicateObject, psycopg2.errors.UniqueViolation):
        pass


def ensure_roles(conn: psycopg2.extensions.connection, roles: Iterable[str]) -> list[str]:
    """Create the roles of ``roles`` the server lacks (one query to find them); return
    the created ones. ``conn`` must be in autocommit mode."""
    wanted = sorted(set(roles))
    if not wanted:
        return []
    with conn.cursor() as cur:
        cur.execute(
            "SELECT w FROM unnest(%s::text[]) AS w "
            "WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles r WHERE r.rolname = w) "
            "ORDER BY w",
            (wanted,),
        )
        missing = [row[0] for row in cur.fetchall()]
    for role in missing:
        create_role(conn, role)
    return missing


def prepare_shadow(
    conn: psycopg2.extensions.connection,
    shadow_url: str | None,
    *schemas: Schema,
    extra: Iterable[str] = (),
) -> None:
    """Before rebuilding ``schemas`` on a scratch database of ``shadow_url``: on the
    embedded shadow, create the roles they name (and ``extra``); on a configured server,
    nothing."""
    if not creates_roles(shadow_url):
        return
    autocommit = conn.autocommit
    if not autocommit:
        conn.rollback()
        conn.autocommit = True
    try:
        ensure_roles(conn, schema_roles(*schemas) | set(extra))
    finally:
        conn.autocommit = autocommit
