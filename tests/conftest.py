"""Real-PostgreSQL test harness.

The server is ``LOCKPLANE_TEST_DATABASE_URL`` when set, else an embedded PostgreSQL started
from the wheel for this session (data in a temp dir, deleted at exit). Every test that asks
for ``db_url`` gets a fresh database, dropped afterwards. Unit tests need no server.
"""

from __future__ import annotations

import os
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg2
import pytest

from alembic_lockplane.db.url import libpq_dsn, redact, with_database

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


def pytest_report_header(config: pytest.Config) -> list[str]:
    if config.getoption("collectonly"):
        return []
    source = "LOCKPLANE_TEST_DATABASE_URL" if os.environ.get(
        "LOCKPLANE_TEST_DATABASE_URL"
    ) else "embedded"
    return [f"postgresql: {server_version()} ({source}: {redact(server_url())})"]


@pytest.fixture(scope="session")
def pg_server() -> str:
    return server_url()


@pytest.fixture(scope="session")
def pg_version_num(pg_server: str) -> int:
    conn = psycopg2.connect(libpq_dsn(pg_server))
    try:
        return int(conn.server_version)
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


@pytest.fixture
def db_url(pg_server: str) -> Iterator[str]:
    """A fresh, empty database on the test server."""
    url = create_database(pg_server)
    try:
        yield url
    finally:
        drop_database(pg_server, url)


@pytest.fixture
def conn(db_url: str) -> Iterator[psycopg2.extensions.connection]:
    """An autocommit connection to ``db_url``."""
    c = psycopg2.connect(libpq_dsn(db_url))
    c.autocommit = True
    try:
        yield c
    finally:
        c.close()
