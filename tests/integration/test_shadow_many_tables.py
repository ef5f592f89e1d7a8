"""A 5,000-table desired schema loads and introspects within PostgreSQL's lock table.

The shared lock table holds ``max_locks_per_transaction * (max_connections +
max_prepared_transactions)`` locks (6,400 with the defaults); one transaction creating 5,000
tables with their primary-key indexes needs more than 10,000 and fails with "out of shared
memory". The loader runs each statement in its own transaction and introspection only reads
catalogs, so neither may hold a lock per table.
"""

from __future__ import annotations

from pathlib import Path

import psycopg2

from alembic_lockplane.db.url import libpq_dsn
from alembic_lockplane.engine import load_desired
from alembic_lockplane.introspect import introspect

TABLES = 5000


def _capacity(conn: psycopg2.extensions.connection) -> int:
    with conn.cursor() as cur:
        cur.execute(
            "SELECT current_setting('max_locks_per_transaction')::int"
            " * (current_setting('max_connections')::int"
            " + current_setting('max_prepared_transactions')::int)"
        )
        row = cur.fetchone()
        assert row is not None
        return int(row[0])


def test_five_thousand_tables_load_and_introspect(
    tmp_path: Path, pg_server: str, conn, db_url: str, monkeypatch
) -> None:
    monkeypatch.setenv("LOCKPLANE_NO_CACHE", "1")
    # The claim is only meaningful while one transaction could not hold these locks.
    assert _capacity(conn) < 2 * TABLES
    path = tmp_path / "schema.lp.sql"
    path.write_text(
        "".join(
            f"CREATE TABLE t{n} (id int PRIMARY KEY, v text);\n"
            + (f"COMMENT ON TABLE t{n} IS 'table {n}';\n" if n % 10 == 0 else "")
            for n in range(TABLES)
        )
    )
    desired = load_desired(path, shadow_url=pg_server, cwd=tmp_path)
    assert len(desired.tables) == TABLES
    assert desired.table("public", f"t{TABLES - 1}") is not None

    # Introspection of a live database that size: one transaction of catalog reads, holding
    # a handful of locks, not one per table.
    with conn.cursor() as cur:
        for start in range(0, TABLES, 250):
            batch = range(start, start + 250)
            cur.execute("".join(f"CREATE TABLE t{n} (id int PRIMARY KEY);" for n in batch))
    reader = psycopg2.connect(libpq_dsn(db_url))
    held: list[int] = []

    def count_locks(label: str) -> None:
        if label == "rollback":  # every query has run; the transaction still holds its locks
            with conn.cursor() as cur:
                cur.execute(
                    "SELECT count(*) FROM pg_locks WHERE pid = %s", (reader.get_backend_pid(),)
                )
                row = cur.fetchone()
                assert row is not None
                held.append(int(row[0]))

    try:
        live = introspect(reader, on_query=count_locks)
    finally:
        reader.close()
    assert len(live.tables) == TABLES
    assert held and held[0] < 100, held
