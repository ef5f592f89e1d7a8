"""Collations read from a real server: the properties a declaration sets (never the
server-dependent version), only user schemas, and the collation columns name."""

from __future__ import annotations

from pathlib import Path

import psycopg2.extensions
import pytest

from alembic_lockplane.engine import load_desired
from alembic_lockplane.introspect import introspect
from alembic_lockplane.model.collations import Collation

pytestmark = pytest.mark.db

DECLARED = """
CREATE SCHEMA text_rules;
CREATE COLLATION text_rules.bytes (provider = libc, locale = 'C.utf8');
CREATE COLLATION "Split" (lc_collate = 'C', lc_ctype = 'C.utf8');
COMMENT ON COLLATION "Split" IS 'two categories';
CREATE COLLATION copied FROM "C";
CREATE TABLE t (a text COLLATE text_rules.bytes, b varchar(9) COLLATE "Split", c text);
"""


def test_collations_are_read_as_declared(conn: psycopg2.extensions.connection) -> None:
    with conn.cursor() as cur:
        cur.execute(DECLARED)
    schema = introspect(conn)
    assert schema.collations == (
        Collation("public", "Split", "libc", None, "C", "C.utf8", comment="two categories"),
        Collation("public", "copied", "libc", None, "C", "C"),
        Collation("text_rules", "bytes", "libc", None, "C.utf8", "C.utf8"),
    )
    table = schema.table("public", "t")
    assert table is not None
    assert [c.collation for c in table.columns] == ["text_rules.bytes", 'public."Split"', None]
    narrowed = introspect(conn, ["text_rules"])
    assert [c.name for c in narrowed.collations] == ["bytes"]


def test_a_desired_schema_with_collations_loads_as_the_database_reads(
    conn: psycopg2.extensions.connection, pg_server: str, tmp_path: Path
) -> None:
    with conn.cursor() as cur:
        cur.execute(DECLARED)
    path = tmp_path / "schema.lp.sql"
    path.write_text(DECLARED, encoding="utf-8")
    desired = load_desired(
        path, shadow_url=pg_server, cwd=tmp_path, env={"LOCKPLANE_NO_CACHE": "1"}
    )
    assert desired.collations == introspect(conn).collations
