"""Normalise a desired schema through PostgreSQL: run the statements in a scratch database,
then introspect it. PostgreSQL is the authority on what the DDL means.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import psycopg2

from alembic_lockplane.db.connect import connect
from alembic_lockplane.errors import SchemaSourceError
from alembic_lockplane.model.objects import Origin, Schema
from alembic_lockplane.shadow import roles
from alembic_lockplane.shadow.provider import scratch_database

_MISSING_EXTENSION = ("is not available", "could not open extension control file")


class SourceStatement(Protocol):
    @property
    def text(self) -> str: ...

    @property
    def origin(self) -> Origin: ...

    def origin_at(self, position: int) -> Origin: ...


def execute_statements(
    url: str, statements: Sequence[SourceStatement], *, create_roles: bool = False
) -> None:
    """Run each statement on its own (autocommit), mapping a failure to its file:line:col.

    ``create_roles`` (the embedded shadow only): a statement that fails because a role it
    names does not exist gets the role (``shadow/roles.py``) and runs again, as many times
    as it names missing roles.

    One statement per transaction keeps a schema of thousands of tables within
    ``max_locks_per_transaction``; the database is a scratch one, so partial state is harmless.
    For the same reason its commits need not wait for the WAL flush (``synchronous_commit``
    off, this session only): a crash loses nothing we keep, and thousands of flushes made the
    load about twice as slow (1,000 tables on PostgreSQL 15: 91 s -> 40 s on a busy disk).
    """
    conn = connect(url, autocommit=True)
    try:
        with conn.cursor() as cur:
            cur.execute("SET synchronous_commit = off")
            for statement in statements:
                created: set[str] = set()
                while True:
                    try:
                        cur.execute(statement.text)
                        break
                    except psycopg2.Error as exc:
                        role = roles.missing_role(exc.pgcode, exc.diag.message_primary)
                        if not create_roles or role is None or role in created:
                            raise _source_error(statement, exc, create_roles) from None
                    created.add(role)
                    roles.create_role(conn, role)
    finally:
        conn.close()


def _source_error(
    statement: SourceStatement, exc: psycopg2.Error, embedded: bool = False
) -> SchemaSourceError:
    diag = exc.diag
    message = (diag.message_primary or str(exc)).strip()
    origin = statement.origin
    if diag.statement_position:
        origin = statement.origin_at(int(diag.statement_position))
    hint = diag.message_hint
    if any(part in message for part in _MISSING_EXTENSION):
        hint = (
            "the embedded shadow PostgreSQL does not ship this extension; set "
            "SHADOW_DATABASE_URL to a server that has it (ideally the target's version)"
        )
    else:
        role = roles.missing_role(diag.sqlstate, message)
        if role is not None and not embedded:
            hint = roles.missing_role_hint(role)
    return SchemaSourceError(message, hint=hint, origin=origin)


def load_statements(
    statements: Sequence[SourceStatement],
    *,
    shadow_url: str | None,
    schemas: Sequence[str] | None = None,
    owners: bool = False,
    privileges: bool = True,
) -> Schema:
    from alembic_lockplane.introspect import introspect

    with scratch_database(shadow_url) as url:
        execute_statements(url, statements, create_roles=roles.creates_roles(shadow_url))
        conn = connect(url)
        try:
            return introspect(conn, schemas or None, owners=owners, privileges=privileges)
        finally:
            conn.close()
