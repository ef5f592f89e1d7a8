"""Benchmark: introspection time, statement count and peak memory against table count.

Not a test: run it by hand or from CI at the smallest size. By default the catalogs are left
as freshly created (no ANALYZE), as in a new shadow database: that is where a planner misled by
missing statistics hurts most; --analyze measures the settled case.

    python benchmarks/introspect.py                 # 100, 1000 and 5000 tables
    python benchmarks/introspect.py --sizes 100     # CI

The server is LOCKPLANE_BENCH_DATABASE_URL (or --url) when set, else an embedded
PostgreSQL in a temporary directory. Each size gets its own scratch database (dropped at
the end) holding generated tables: 7 columns (identity, FK, enum, defaults), a primary key,
a unique, a check and a foreign-key constraint, three standalone indexes (one partial, one on
an expression), one comment.
Time is the best of --repeat warm runs (the first, cold run is shown beside it). On a busy
shared machine wall time swings with the load, so the CPU time of the run (this process plus
the server backend, read from /proc when the server is local) is shown too. Peak memory is
measured in a separate run under tracemalloc, which slows Python down.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import time
import tracemalloc
import uuid
from pathlib import Path

import psycopg2
import psycopg2.extensions

from alembic_lockplane.db.url import libpq_dsn, with_database
from alembic_lockplane.introspect import introspect

BATCH = 100  # tables per statement batch: one implicit transaction, bounded lock count


def table_ddl(n: int) -> str:
    parent = f"REFERENCES bench.t{n - 1} (id) ON DELETE CASCADE" if n else ""
    return f"""
CREATE TABLE bench.t{n} (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    parent_id bigint {parent},
    name text NOT NULL,
    status bench.status NOT NULL DEFAULT 'new',
    amount numeric(12,2) NOT NULL DEFAULT 0,
    created_at timestamp with time zone NOT NULL DEFAULT now(),
    note text,
    CONSTRAINT t{n}_name_key UNIQUE (name),
    CONSTRAINT t{n}_amount_check CHECK (amount >= 0)
);
CREATE INDEX t{n}_parent_idx ON bench.t{n} (parent_id);
CREATE INDEX t{n}_created_idx ON bench.t{n} (created_at DESC) WHERE note IS NOT NULL;
CREATE INDEX t{n}_lower_name_idx ON bench.t{n} (lower(name));
COMMENT ON TABLE bench.t{n} IS 'generated table {n}';
"""


def populate(conn: psycopg2.extensions.connection, tables: int, analyze: bool) -> None:
    with conn.cursor() as cur:
        cur.execute("CREATE SCHEMA bench; CREATE TYPE bench.status AS ENUM ('new', 'paid', 'void')")
        for start in range(0, tables, BATCH):
            cur.execute("".join(table_ddl(n) for n in range(start, min(start + BATCH, tables))))
        if analyze:
            cur.execute("ANALYZE")


def backend_cpu(conn: psycopg2.extensions.connection) -> float:
    """CPU seconds used so far by the server process of ``conn`` (NaN if not readable)."""
    try:
        fields = Path(f"/proc/{conn.get_backend_pid()}/stat").read_text().rsplit(")", 1)[1]
    except OSError:
        return float("nan")
    utime, stime = fields.split()[11:13]
    return (int(utime) + int(stime)) / os.sysconf("SC_CLK_TCK")


def measure(conn: psycopg2.extensions.connection, tables: int, repeat: int) -> dict[str, float]:
    labels: list[str] = []
    start = time.perf_counter()
    model = introspect(conn, on_query=labels.append)
    cold = time.perf_counter() - start
    assert len(model.tables) == tables, (len(model.tables), tables)
    assert len(model.indexes) == 3 * tables
    best = cold
    cpu = float("inf")
    for _ in range(repeat):
        start, cpu_start, server_start = time.perf_counter(), time.process_time(), backend_cpu(conn)
        introspect(conn)
        best = min(best, time.perf_counter() - start)
        cpu = min(cpu, time.process_time() - cpu_start + backend_cpu(conn) - server_start)
    tracemalloc.start()
    introspect(conn)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "cold": cold,
        "best": best,
        "cpu": cpu,
        "queries": len(labels),
        "peak_mib": peak / 2**20,
    }


def server_url(explicit: str | None) -> str:
    if explicit:
        return explicit
    from alembic_lockplane.shadow import embedded

    data = Path(tempfile.mkdtemp(prefix="lockplane-bench-")) / "pg"
    return embedded.start(data, delete_on_exit=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes", type=int, nargs="+", default=[100, 1000, 5000], help="table counts"
    )
    parser.add_argument("--repeat", type=int, default=3, help="warm runs; the best is shown")
    parser.add_argument("--url", default=os.environ.get("LOCKPLANE_BENCH_DATABASE_URL"))
    parser.add_argument(
        "--analyze",
        action="store_true",
        help="ANALYZE the catalogs first (default: fresh statistics, as in a new shadow database)",
    )
    args = parser.parse_args(argv)

    url = server_url(args.url)
    admin = psycopg2.connect(libpq_dsn(url))
    admin.autocommit = True
    with admin.cursor() as cur:
        cur.execute("SHOW server_version")
        row = cur.fetchone()
    print(
        f"# PostgreSQL {row[0] if row else '?'}, Python {platform.python_version()}, "
        f"{os.cpu_count()} CPUs"
    )
    header = ("tables", "build s", "cold s", "best s", "cpu s", "queries", "peak MiB")
    print("{:>7} {:>8} {:>7} {:>7} {:>7} {:>7} {:>9}".format(*header))
    for size in args.sizes:
        name = f"lpbench_{size}_{uuid.uuid4().hex[:8]}"
        with admin.cursor() as cur:
            cur.execute(f'CREATE DATABASE "{name}"')
        try:
            conn = psycopg2.connect(libpq_dsn(with_database(url, name)))
            conn.autocommit = True
            try:
                start = time.perf_counter()
                populate(conn, size, args.analyze)
                build = time.perf_counter() - start
                r = measure(conn, size, args.repeat)
            finally:
                conn.close()
        finally:
            with admin.cursor() as cur:
                cur.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        print(
            f"{size:>7} {build:>8.1f} {r['cold']:>7.3f} {r['best']:>7.3f} {r['cpu']:>7.3f} "
            f"{r['queries']:>7.0f} {r['peak_mib']:>9.1f}",
            flush=True,
        )
    admin.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
