"""Side-by-side benchmarks: lockplane against Alembic autogenerate, migra and pg_dump (issue 10).

For each size, in one run, on one PostgreSQL server (created and dropped: lp_bench_* only):

- ``lockplane plan --from LIVE --to schema.lp.sql``, cold (empty cache) and warm (desired
  files unchanged since the last run), in process with each phase timed (desired load,
  introspection, diff/render/safety), and as the real CLI (wall time, peak RSS);
- ``alembic revision --lockplane`` in a ``lockplane init`` project (warm; one cold run);
- ``alembic revision --autogenerate`` against the same database with equivalent metadata;
- migra (benchmarks/.venv-migra) between the live database and one built from schema.lp.sql;
- ``pg_dump -s`` of the live database (a pg_dump of the server's major version);
- the limit for a cold plan: the desired DDL executed once in a new database + one scan;
- catalog queries per introspection, and peak memory.

The live database is built from base.sql and its catalogs analysed, as autovacuum would have
done in production. The shadow server is the same server (SHADOW_DATABASE_URL).

    python benchmarks/run.py                               # 50, 100, 1000, 5000 tables, 5 runs
    python benchmarks/run.py --sizes 100 --runs 1 --no-doc # quick
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

import bench_db
import bench_report
import bench_tools
import generate

HERE = Path(__file__).parent
DEFAULT_URL = "postgresql://postgres@127.0.0.1:5432/postgres"
TOOLS = ("lockplane", "cli", "alembic_lockplane", "autogenerate", "migra", "pg_dump", "limit")


def median_of(samples: list[dict[str, float]]) -> dict[str, float]:
    return {k: statistics.median(s[k] for s in samples) for k in samples[0]}


def repeat(runs: int, fn: Callable[[], Any]) -> list[Any]:
    return [fn() for _ in range(runs)]


def timed_procs(runs: int, fn: Callable[[], bench_tools.Proc]) -> dict[str, Any]:
    procs = repeat(runs, fn)
    return {
        "median_s": statistics.median(p.seconds for p in procs),
        "samples_s": [round(p.seconds, 4) for p in procs],
        "max_rss_mib": max(p.max_rss_mib for p in procs),
    }


def bench_size(size: int, args: argparse.Namespace, work: Path, server: str) -> dict[str, Any]:
    folder = work / str(size)
    paths = generate.write(size, folder)
    desired, models = paths["desired"], paths["models"]
    stmts = bench_db.statements(desired)
    out: dict[str, Any] = {
        "tables": size,
        "desired_statements": len(stmts),
        "scenario": paths["scenario"].read_text().splitlines(),
        "runs": args.runs,
        "skipped": sorted(args.skip),
        "loadavg_before": os.getloadavg(),
    }
    live_name = f"{bench_db.PREFIX}{size}_live_{os.getpid()}"  # concurrent runs
    target_name = f"{bench_db.PREFIX}{size}_target_{os.getpid()}"
    live = bench_db.recreate(server, live_name)
    try:
        out["build_live_s"] = bench_db.execute(
            live, bench_db.statements(paths["base"]), batch=bench_db.BATCH
        )
        bench_db.analyze_catalogs(live)
        skip = set(args.skip)
        say = lambda what: print(f"  {size}: {what}", file=sys.stderr, flush=True)  # noqa: E731

        if "lockplane" not in skip:
            say("lockplane plan, in process")
            colds = []
            for _ in range(args.runs):
                with tempfile.TemporaryDirectory() as cache:
                    colds.append(bench_tools.plan_phases(live, desired, server, Path(cache)))
            with tempfile.TemporaryDirectory() as cache:
                bench_tools.plan_phases(live, desired, server, Path(cache))  # prime
                warms = repeat(
                    args.runs,
                    lambda: bench_tools.warm(
                        lambda: bench_tools.plan_phases(live, desired, server, Path(cache)),
                        Path(cache),
                    ),
                )
            out["lockplane_cold"] = {"median_s": median_of(colds), "samples": colds}
            out["lockplane_warm"] = {"median_s": median_of(warms), "samples": warms}
            out["catalog_queries"] = bench_tools.catalog_queries(live)
            say("traced peak")
            out["traced_peak_mib"] = bench_tools.traced_peak_mib(live, desired, server)
        if "cli" not in skip:
            say("lockplane plan CLI")
            caches = [Path(tempfile.mkdtemp(prefix="lp-bench-cache-")) for _ in range(args.runs)]
            it = iter(caches)
            out["cli_cold"] = timed_procs(
                args.runs, lambda: bench_tools.cli_plan(live, desired, server, next(it))
            )
            out["cli_warm"] = timed_procs(
                args.runs,
                lambda: bench_tools.warm(
                    lambda: bench_tools.cli_plan(live, desired, server, caches[0]), caches[0]
                ),
            )
        if "alembic_lockplane" not in skip:
            say("alembic revision --lockplane")
            project = bench_tools.lockplane_project(folder / "lp_project", live, desired, server)
            cache = Path(tempfile.mkdtemp(prefix="lp-bench-cache-"))
            out["alembic_lockplane_cold"] = timed_procs(
                1, lambda: bench_tools.alembic_lockplane(project, cache)
            )
            slow = args.slow_runs or args.runs
            out["alembic_lockplane_runs"] = slow
            out["alembic_lockplane_warm"] = timed_procs(
                slow,
                lambda: bench_tools.warm(
                    lambda: bench_tools.alembic_lockplane(project, cache), cache
                ),
            )
        if "autogenerate" not in skip:
            say("alembic revision --autogenerate")
            project = bench_tools.autogenerate_project(folder / "ag_project", live, models)
            bench_tools.alembic_autogenerate(project)  # compiles bench_models.pyc once
            out["autogenerate"] = timed_procs(
                args.runs, lambda: bench_tools.alembic_autogenerate(project)
            )
        if "migra" not in skip and bench_tools.MIGRA.exists():
            say("migra")
            target = bench_db.recreate(server, target_name)
            bench_db.execute(target, stmts, batch=bench_db.BATCH)
            bench_db.analyze_catalogs(target)
            out["migra"] = timed_procs(args.runs, lambda: bench_tools.migra(live, target))
            bench_db.drop(server, target_name)
        if "pg_dump" not in skip and args.pg_dump:
            say("pg_dump -s")
            out["pg_dump"] = timed_procs(args.runs, lambda: bench_tools.pg_dump(args.pg_dump, live))
        if "limit" not in skip:
            say("limit (DDL once + one catalog scan)")
            limits = repeat(args.runs, lambda: bench_tools.limit(server, stmts, size))
            out["limit"] = {"median_s": median_of(limits), "samples": limits}
    finally:
        bench_db.drop(server, live_name)
        bench_db.drop(server, target_name)
    out["loadavg_after"] = os.getloadavg()
    return out


def machine() -> dict[str, Any]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem = Path("/proc/meminfo").read_text().splitlines()[0].split()[1]
        mem_gib = round(int(mem) / 2**20, 1)
    except OSError:
        mem_gib = 0.0
    return {
        "cpu": cpu,
        "cpus": os.cpu_count(),
        "memory_gib": mem_gib,
        "os": platform.platform(),
        "python": platform.python_version(),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 100, 1000, 5000])
    parser.add_argument("--runs", type=int, default=5, help="runs per measurement (median)")
    parser.add_argument(
        "--slow-runs", type=int, help="runs of alembic revision --lockplane (default: --runs)"
    )
    parser.add_argument(
        "--url", default=os.environ.get("LOCKPLANE_BENCH_DATABASE_URL", DEFAULT_URL)
    )
    parser.add_argument("--skip", nargs="*", default=[], choices=TOOLS)
    parser.add_argument("--work", type=Path, help="folder for generated files (default: temp)")
    parser.add_argument("--out", type=Path, default=HERE / "results")
    parser.add_argument("--doc", type=Path, default=HERE.parent / "docs" / "performance.md")
    parser.add_argument("--no-doc", action="store_true", help="write JSON only")
    parser.add_argument("--append-to", type=Path, help="add these sizes to an earlier JSON")
    args = parser.parse_args(argv)

    server = args.url
    info = bench_db.server_info(server)
    args.pg_dump = bench_db.pg_dump_for(int(info["version_num"]))  # type: ignore[arg-type]
    work = args.work or Path(tempfile.mkdtemp(prefix="lp-bench-"))
    result: dict[str, Any] = {
        "started": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "machine": machine(),
        "server": info,
        "pg_dump": args.pg_dump,
        "sizes": {},
    }
    args.out.mkdir(parents=True, exist_ok=True)
    name = f"run-{time.strftime('%Y%m%dT%H%M%SZ', time.gmtime())}.json"
    out_file = args.out / name
    if args.append_to:  # add sizes to an earlier run's file (same machine and server)
        out_file = args.append_to
        earlier = json.loads(out_file.read_text())
        result["sizes"] = earlier["sizes"]
        result["started"] = earlier["started"]
    for size in args.sizes:
        print(f"{size} tables", file=sys.stderr, flush=True)
        result["sizes"][str(size)] = bench_size(size, args, work, server)
        out_file.write_text(json.dumps(result, indent=2) + "\n")  # after every size
    print(f"results: {out_file}", file=sys.stderr)
    print(bench_report.table(result))
    if not args.no_doc:
        bench_report.update_doc(args.doc, result, out_file)
    return 0


if __name__ == "__main__":
    sys.exit(main())
