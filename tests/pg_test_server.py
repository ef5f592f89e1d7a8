"""The test server and throwaway databases, shared by fixtures and tests.

The server is ``LOCKPLANE_TEST_DATABASE_URL`` when set, else an embedded PostgreSQL started
from the wheel for this session (data in a temp dir, deleted at exit).
"""

from __future__ import annotations

import os
import tempfile
import uuid
from pathlib import Path

import psycopg2

from alembic_lockplane.db.url import libpq_dsn, with_database

_server_url: str | None = None


def server_url() -> str:
    """URL of the test server's maintenance database (started on first use)."""
    global _server_url
    if _server_url is None:
        explicit = os.environ.get("LOCKPLANE_TEST_DATABASE_URL")
        if explicit:
            _server_url = explicit
        else:
            from alembic_lockplane.shadow import embedded

            data = Path(tempfile.mkdtemp(prefix="lockplane-test-")) / "pg"
            _server_url = embedded.start(data, delete_on_exit=True)
    return _server_url


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
            cur.execute(f'CREATE DATABASE "{name}"')
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
