"""Phase timings of one plan between two generated schemas (issue 5's planner benchmark).

Builds the generated base schema in a database (the "current" side), then plans to the
generated desired schema (one change scenario: a column, an index, a default, a table with a
foreign key), timing each phase in-process: desired load (static pass + shadow + introspect),
live introspection, diff, render + lock-safe strategies, safety, hashing.

    .venv/bin/python benchmarks/plan.py [--tables 1000] [--url postgresql://...]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import bench_db
import generate

from alembic_lockplane import engine
from alembic_lockplane.diff.diff import diff
from alembic_lockplane.model.serde import canonical_hash
from alembic_lockplane.plan.build import build_steps, plan_context
from alembic_lockplane.render.strategies import resolve_strategies
from alembic_lockplane.safety import assess


def timed(label: str, results: dict[str, float], fn, *args, **kwargs):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    value = fn(*args, **kwargs)
    results[label] = time.perf_counter() - start
    return value


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tables", type=int, default=1000)
    parser.add_argument("--url", default=os.environ.get("LOCKPLANE_BENCH_DATABASE_URL"))
    args = parser.parse_args()
    server = args.url
    if server is None:
        from alembic_lockplane.shadow import embedded

        server = embedded.start(
            Path(tempfile.mkdtemp(prefix="lockplane-bench-")) / "pg", delete_on_exit=True
        )
    work = Path(tempfile.mkdtemp(prefix="lockplane-plan-bench-"))
    paths = generate.write(args.tables, work)
    name = f"{bench_db.PREFIX}plan_{os.getpid()}"
    url = bench_db.recreate(server, name)
    os.environ["LOCKPLANE_NO_CACHE"] = "1"
    try:
        bench_db.execute(url, bench_db.statements(paths["base"]), batch=50)
        phases: dict[str, float] = {}
        desired = timed(
            "load desired (static pass, shadow, introspect)",
            phases,
            engine.load_desired,
            paths["desired"],
            shadow_url=server,
            cwd=work,
        )
        current = timed("introspect live database", phases, engine.introspect_url, url)
        changes = timed("diff", phases, diff, current, desired)
        ctx = plan_context(current, desired, changes, resolve_strategies(True))
        steps = timed(
            "render + strategies (no safety)",
            phases,
            lambda: [s for c in changes for s in build_steps(c, ctx, None)],
        )
        timed("safety rules", phases, lambda: [assess(c, ctx) for c in changes])
        timed(
            "hashes (source and target)",
            phases,
            lambda: (canonical_hash(current), canonical_hash(desired)),
        )
        print(f"{args.tables} tables, {len(changes)} changes, {len(steps)} steps")
        for label, seconds in phases.items():
            print(f"  {label:<48} {seconds:8.3f} s")
    finally:
        bench_db.drop(server, name)


if __name__ == "__main__":
    main()
