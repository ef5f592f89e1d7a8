"""Real-PostgreSQL test harness.

The server is ``LOCKPLANE_TEST_DATABASE_URL`` when set, else an embedded PostgreSQL started
from the wheel for this run (data in a temp dir, deleted at exit; one server shared by the
pytest-xdist workers). Every test that asks for ``db_url`` gets an empty database as new: each
worker keeps one and empties it between tests (pg_test_server.ReusableDatabase), falling back
to a new one when anything is left over. Unit tests need no server.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator

import psycopg2
import pytest
from pg_test_server import (
    EMBEDDED_DIR_ENV,
    ReusableDatabase,
    create_database,  # noqa: F401  (re-exported: some tests import it from here)
    drop_database,  # noqa: F401
    release_server,
    server_url,
    server_version,
)

from alembic_lockplane.db.url import libpq_dsn, redact


def pytest_configure(config: pytest.Config) -> None:
    if not hasattr(config, "workerinput"):  # the controller, before any worker starts
        os.environ.setdefault(EMBEDDED_DIR_ENV, tempfile.mkdtemp(prefix="lockplane-test-"))


def pytest_unconfigure(config: pytest.Config) -> None:
    release_server()


def pytest_report_header(config: pytest.Config) -> list[str]:
    if config.getoption("collectonly"):
        return []
    source = (
        "LOCKPLANE_TEST_DATABASE_URL"
        if os.environ.get("LOCKPLANE_TEST_DATABASE_URL")
        else "embedded"
    )
    return [f"postgresql: {server_version()} ({source}: {redact(server_url())})"]


def _start_order(item: pytest.Item) -> int:
    """Long tests first: pytest-xdist hands out the first tests round-robin, so the
    subprocess-heavy end-to-end tests spread over the workers instead of piling up at the
    end of one; the quick unit tests fill the gaps last."""
    parts = item.nodeid.split("/")
    folder = parts[1] if len(parts) > 2 else ""
    return {"e2e": 0, "fuzz": 1, "integration": 2}.get(folder, 3)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    items.sort(key=_start_order)


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


@pytest.fixture(scope="session")
def db_pool(pg_server: str) -> Iterator[list[ReusableDatabase]]:
    """This worker's database for ``db_url``, emptied between tests (see ReusableDatabase)."""
    pool: list[ReusableDatabase] = []
    try:
        yield pool
    finally:
        for database in pool:
            database.close()


@pytest.fixture
def db_url(pg_server: str, db_pool: list[ReusableDatabase]) -> str:
    """An empty database on the test server, as new (reused across tests once emptied)."""
    if db_pool and not db_pool[0].reset():
        db_pool.pop().close()
    if not db_pool:
        db_pool.append(ReusableDatabase(pg_server))
    db_pool[0].disconnect()
    return db_pool[0].url


@pytest.fixture
def conn(db_url: str) -> Iterator[psycopg2.extensions.connection]:
    """An autocommit connection to ``db_url``."""
    c = psycopg2.connect(libpq_dsn(db_url))
    c.autocommit = True
    try:
        yield c
    finally:
        c.close()
