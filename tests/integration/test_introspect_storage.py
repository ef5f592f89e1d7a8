"""Storage settings as introspection reads them from a real server (15 and 18 differ in how
an unset statistics target is stored: -1 before 17, NULL from 17)."""

from __future__ import annotations

import psycopg2
import pytest
from pg_test_server import create_database, drop_database

from alembic_lockplane.db.url import libpq_dsn
from alembic_lockplane.introspect import introspect
from alembic_lockplane.model.objects import Column

pytestmark = pytest.mark.db

DDL = """
CREATE UNLOGGED TABLE t (id int PRIMARY KEY, body text, n numeric, k int NOT NULL UNIQUE)
    WITH (fillfactor = 70, autovacuum_enabled = off, toast.autovacuum_enabled = false);
ALTER TABLE t ALTER COLUMN body SET STORAGE EXTERNAL, ALTER COLUMN body SET COMPRESSION pglz,
    ALTER COLUMN body SET STATISTICS 0, ALTER COLUMN n SET STORAGE MAIN,
    ALTER COLUMN k SET STATISTICS 300, ALTER COLUMN k SET STATISTICS -1;
ALTER TABLE t REPLICA IDENTITY USING INDEX t_k_key;
CREATE TABLE plain (id int, note text);
ALTER TABLE plain REPLICA IDENTITY FULL;
CREATE TABLE gone (id int NOT NULL);
CREATE UNIQUE INDEX gone_id ON gone (id);
ALTER TABLE gone REPLICA IDENTITY USING INDEX gone_id;
DROP INDEX gone_id;
"""


def test_storage_settings_are_read_back(pg_server: str) -> None:
    url = create_database(pg_server)
    try:
        conn = psycopg2.connect(libpq_dsn(url))
        conn.autocommit = True
        try:
            with conn.cursor() as cur:
                cur.execute(DDL)
            schema = introspect(conn)
        finally:
            conn.close()
    finally:
        drop_database(pg_server, url)
    t = schema.table("public", "t")
    assert t is not None
    assert t.unlogged
    assert t.options == ("autovacuum_enabled=false", "fillfactor=70")  # off, read as false
    assert t.toast_options == ("autovacuum_enabled=false",)
    assert (t.replica_identity, t.replica_identity_index) == ("INDEX", "t_k_key")
    # numeric's own storage is main: set to main it is the type's default, so unset
    assert t.column("n") == Column("n", "numeric")
    assert t.column("body") == Column(
        "body", "text", storage="external", compression="pglz", statistics=0
    )
    assert t.column("k") == Column("k", "integer", not_null=True)  # -1 is "not set"
    plain = schema.table("public", "plain")
    assert plain is not None
    assert (plain.unlogged, plain.options, plain.toast_options) == (False, (), ())
    assert plain.replica_identity == "FULL"
    gone = schema.table("public", "gone")
    assert gone is not None
    assert (gone.replica_identity, gone.replica_identity_index) == ("NOTHING", None)
