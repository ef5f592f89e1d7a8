"""Real-PostgreSQL test harness.

The server is ``LOCKPLANE_TEST_DATABASE_URL`` when set, else an embedded PostgreSQL started
from the wheel for this session (data in a temp dir, deleted at exit). Every test that asks
for ``db_url`` gets a fresh database, dropped afterwards. Unit tests need no server.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import psycopg2
import pytest
from pg_test_server import create_database, drop_database, server_url, server_version

from alembic_lockplane.db.url import libpq_dsn, redact


def pytest_report_header(config: pytest.Config) -> list[str]:
    if config.getoption("collectonly"):
        return []
    source = (
        "LOCKPLANE_TEST_DATABASE_URL"
        if os.environ.get("LOCKPLANE_TEST_DATABASE_URL")
        else "embedded"
    )
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
