"""One read of the catalogs: a private transaction with canonical settings, then undone.

The caller's connection must come back as it was. Settings are changed with
``set_config(..., true)``, which lasts until the end of the (sub)transaction, and the
transaction or savepoint we open is always rolled back, so nothing leaks:

- autocommit connection: we send ``BEGIN ... READ ONLY`` and ``ROLLBACK`` ourselves;
- idle connection: psycopg2 opens the transaction, we roll it back;
- connection inside the caller's transaction (Alembic's env.py is): a savepoint, rolled
  back and released, so the caller's uncommitted work survives and the settings revert.

Every statement goes through ``CatalogSession.statement`` or ``.rows``, which report it to
the ``on_query`` hook, so the number of round trips can be counted.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any

import psycopg2
import psycopg2.extensions as ext

from alembic_lockplane.errors import LockplaneError
from alembic_lockplane.introspect import sql
from alembic_lockplane.introspect.capabilities import Capabilities

_SAVEPOINT = "lockplane_introspect"

QueryHook = Callable[[str], None]


class CatalogSession:
    """Runs named catalog queries on one connection; reports each to ``on_query``."""

    def __init__(
        self,
        conn: ext.connection,
        capabilities: Capabilities,
        params: Mapping[str, Any],
        on_query: QueryHook | None,
    ) -> None:
        self._conn = conn
        self._flags = capabilities.flags()
        self._params = params
        self._on_query = on_query

    def _cursor(self) -> ext.cursor:
        # A plain tuple cursor even when the caller set a connection-wide cursor_factory
        # (RealDictCursor rows would not unpack).
        return self._conn.cursor(cursor_factory=ext.cursor)

    def statement(self, label: str, text: str) -> None:
        """Run a control statement (BEGIN, SAVEPOINT, ...) that returns nothing."""
        if self._on_query is not None:
            self._on_query(label)
        with self._cursor() as cur:
            cur.execute(text)

    def rows(self, name: str) -> list[tuple[Any, ...]]:
        """All rows of ``queries/<name>.sql``."""
        text = sql.render(name, self._flags)
        if self._on_query is not None:
            self._on_query(name)
        try:
            with self._cursor() as cur:
                cur.execute(text, self._params)
                return list(cur.fetchall())
        except psycopg2.Error as exc:
            first = (str(exc).strip().splitlines() or ["error"])[0]
            raise LockplaneError(f"reading the catalog ({name}.sql): {first}") from exc


@contextmanager
def catalog_session(
    conn: ext.connection, params: Mapping[str, Any], on_query: QueryHook | None = None
) -> Iterator[CatalogSession]:
    """A session inside a transaction (or savepoint) that is rolled back on exit."""
    session = CatalogSession(conn, Capabilities(conn.server_version), params, on_query)
    status = conn.get_transaction_status()
    if status == ext.TRANSACTION_STATUS_INERROR:
        raise LockplaneError(
            "cannot read the schema: the connection's transaction has failed",
            hint="roll the transaction back before introspecting",
        )
    if status not in (ext.TRANSACTION_STATUS_IDLE, ext.TRANSACTION_STATUS_INTRANS):
        raise LockplaneError("cannot read the schema: the connection is busy or closed")

    if status == ext.TRANSACTION_STATUS_INTRANS:
        session.statement("savepoint", f"SAVEPOINT {_SAVEPOINT}")
    elif conn.autocommit:
        session.statement("begin", "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
    else:
        # psycopg2 sends BEGIN itself before this first statement.
        session.statement("begin", "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
    try:
        session.rows("settings")
        yield session
    finally:
        if status == ext.TRANSACTION_STATUS_INTRANS:
            session.statement(
                "rollback", f"ROLLBACK TO SAVEPOINT {_SAVEPOINT}; RELEASE SAVEPOINT {_SAVEPOINT}"
            )
        elif conn.autocommit:
            session.statement("rollback", "ROLLBACK")
        else:
            if on_query is not None:
                on_query("rollback")
            conn.rollback()
