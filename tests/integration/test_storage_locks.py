"""The lock each storage-setting change claims (``strongest_lock``) against the locks its
rendered SQL really takes on the table (``pg_locks``), on the test server."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import psycopg2
import pytest

from alembic_lockplane.db.url import libpq_dsn, with_database
from alembic_lockplane.diff.changes import Change, TableKey
from alembic_lockplane.diff.changes_storage import (
    AlterColumnStorage,
    SetLogged,
    SetReplicaIdentity,
    SetTableOptions,
)
from alembic_lockplane.model.objects import Column
from alembic_lockplane.render.locks import strongest_lock
from alembic_lockplane.render.render import render

pytestmark = pytest.mark.db

SETUP = """
CREATE TABLE t (id int PRIMARY KEY, body text, n int) WITH (fillfactor = 70);
ALTER TABLE t ALTER COLUMN body SET STORAGE EXTERNAL;
INSERT INTO t SELECT g, 'x', g FROM generate_series(1, 10) g;
"""
T = TableKey("public", "t")
BODY = Column("body", "text", storage="external")

CHANGES: dict[str, Change] = {
    "fillfactor": SetTableOptions(T, ("fillfactor=70",), ("fillfactor=90",)),
    "autovacuum_reset": SetTableOptions(T, ("autovacuum_enabled=off",), ()),
    "toast_autovacuum": SetTableOptions(T, (), ("autovacuum_enabled=false",), toast=True),
    "toast_tuple_target": SetTableOptions(T, (), ("toast_tuple_target=256",)),
    "user_catalog_table": SetTableOptions(T, (), ("user_catalog_table=true",)),
    "set_unlogged": SetLogged(T, unlogged=True),
    "replica_identity_full": SetReplicaIdentity(T, None, None, "FULL", None),
    "replica_identity_index": SetReplicaIdentity(T, None, None, "INDEX", "t_pkey"),
    "statistics_only": AlterColumnStorage(
        T, BODY, Column("body", "text", "external", statistics=5)
    ),
    "storage": AlterColumnStorage(T, BODY, Column("body", "text", storage="main")),
    "storage_reset": AlterColumnStorage(T, BODY, Column("body", "text")),
    "compression": AlterColumnStorage(
        T, BODY, Column("body", "text", "external", compression="pglz")
    ),
}


@pytest.fixture(scope="module")
def module_db(pg_server: str) -> Iterator[str]:
    name = f"lpt_storage_{uuid.uuid4().hex[:8]}"
    admin = psycopg2.connect(libpq_dsn(pg_server))
    admin.autocommit = True
    with admin.cursor() as cur:
        cur.execute(f'CREATE DATABASE "{name}"')
    try:
        yield with_database(pg_server, name)
    finally:
        with admin.cursor() as cur:
            cur.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


@pytest.fixture
def cur(module_db: str) -> Iterator[Any]:
    conn = psycopg2.connect(libpq_dsn(module_db))
    conn.autocommit = True
    with conn.cursor() as c:
        c.execute("DROP TABLE IF EXISTS t")
        c.execute(SETUP)
        try:
            yield c
        finally:
            conn.close()


_MODES = [
    "AccessShareLock",
    "RowShareLock",
    "RowExclusiveLock",
    "ShareUpdateExclusiveLock",
    "ShareLock",
    "ShareRowExclusiveLock",
    "ExclusiveLock",
    "AccessExclusiveLock",
]


@pytest.mark.parametrize("name", sorted(CHANGES))
def test_storage_change_takes_the_lock_it_claims(cur: Any, name: str) -> None:
    change = CHANGES[name]
    claimed = strongest_lock(change)
    assert claimed is not None
    cur.execute("SELECT 't'::regclass::oid")
    oid = cur.fetchone()[0]
    cur.execute("BEGIN")
    try:
        for statement in render(change).statements:
            cur.execute(statement)
        cur.execute(
            "SELECT mode FROM pg_locks WHERE pid = pg_backend_pid() AND relation = %s", (oid,)
        )
        modes = [row[0] for row in cur.fetchall()]
    finally:
        cur.execute("ROLLBACK")
    assert max(modes, key=_MODES.index) == claimed.title().replace(" ", "") + "Lock"


def test_storage_reset_goes_back_to_the_type_default(cur: Any) -> None:
    for statement in render(CHANGES["storage_reset"]).statements:
        cur.execute(statement)
    cur.execute(
        "SELECT attstorage FROM pg_attribute WHERE attrelid = 't'::regclass AND attname = 'body'"
    )
    assert cur.fetchone()[0] == "x"
