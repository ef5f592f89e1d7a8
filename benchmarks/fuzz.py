"""Benchmark-style fuzz run: at least 10,000 generated inputs, every one must keep the contract.

    python benchmarks/fuzz.py                       # 10,000 library inputs + CLI samples
    python benchmarks/fuzz.py --count 500 --cli 50 --exe 5 --seed 7

Inputs are mutations of real files (``tests/fuzz/seeds`` and the planner's test cases): see
``tests/fuzz/fuzzlib.py``. Three layers:

1. ``--count`` inputs through the library readers and what the CLI does next with a loaded
   input (planning, rollback, conversion): a valid result or a ``LockplaneError``;
2. ``--cli`` inputs through the CLI's ``main`` in-process (JSON inputs; ``--shadow`` of them
   also as ``.lp.sql`` through a shadow server when ``LOCKPLANE_BENCH_DATABASE_URL`` is set):
   exit 0, or exit 1 with one ``error:`` line and at most one ``hint:`` line;
3. ``--exe`` inputs through the real ``lockplane`` executable, same contract;
4. ``--config`` mutated ``lockplane.toml`` / ``.env.local`` / ``alembic.ini`` sets, then
   ``lockplane introspect`` in-process (same contract, and no password printed).

Exit status 1 when any input broke the contract; the failures are listed with the mutation
that made them and saved under ``--keep`` for replay.
"""

from __future__ import annotations

import argparse
import collections
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "fuzz"))

import fuzzlib

KINDS = ("sql", "snapshot", "plan")
SUFFIX = {"sql": ".lp.sql", "snapshot": ".json", "plan": ".json"}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=10_000, help="library-level inputs")
    ap.add_argument("--cli", type=int, default=1_000, help="in-process CLI inputs")
    ap.add_argument("--shadow", type=int, default=100, help="of those, .lp.sql via a shadow")
    ap.add_argument("--exe", type=int, default=100, help="real-executable inputs")
    ap.add_argument("--config", type=int, default=1_000, help="settings-file inputs")
    ap.add_argument("--seed", type=int, default=20261125)
    ap.add_argument("--keep", type=Path, help="save failing inputs here")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    work = Path(tempfile.mkdtemp(prefix="lockplane-fuzz-"))
    failures: list[str] = []
    counts: collections.Counter[str] = collections.Counter()

    def fail(label: str, inp: fuzzlib.FuzzInput, detail: str) -> None:
        failures.append(f"{label} {inp.kind} ({inp.how}): {detail.splitlines()[0][:300]}")
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
            (args.keep / f"fail{len(failures)}{SUFFIX[inp.kind]}").write_bytes(inp.data)

    started = time.perf_counter()
    for _ in range(args.count):
        kind = rng.choice(KINDS)
        inp = fuzzlib.generate(rng, kind)
        path = work / f"input{SUFFIX[kind]}"
        path.write_bytes(inp.data)
        outcome = fuzzlib.run_target(kind, path)
        counts[f"library {kind} {outcome.status}"] += 1
        if outcome.status == "bug":
            fail("library", inp, outcome.detail)
    library_s = time.perf_counter() - started

    shadow = os.environ.get("LOCKPLANE_BENCH_DATABASE_URL")
    started = time.perf_counter()
    for i in range(args.cli):
        via_shadow = shadow is not None and i < args.shadow
        kind = "sql" if via_shadow else rng.choice(("snapshot", "plan"))
        inp = fuzzlib.generate(rng, kind, allow_huge=False)
        path = work / f"input{SUFFIX[kind]}"
        path.write_bytes(inp.data)
        argv = None
        while argv is None:
            argv = fuzzlib.cli_argv(rng.choice(fuzzlib.CLI_COMMANDS), kind, path, work)
        if via_shadow:
            argv += ["--shadow-db", str(shadow)]
        code, out, err = fuzzlib.run_cli_in_process(argv)
        problem = fuzzlib.check_cli_output(code, out, err)
        counts[f"cli {kind} exit {code}"] += 1
        if problem:
            fail("cli " + " ".join(argv[:2]), inp, problem)
    cli_s = time.perf_counter() - started

    exe = Path(sys.executable).parent / "lockplane"
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "SHADOW_DATABASE_URL")}
    started = time.perf_counter()
    for _ in range(args.exe):
        kind = rng.choice(("snapshot", "plan"))
        inp = fuzzlib.generate(rng, kind, allow_huge=False)
        path = work / f"input{SUFFIX[kind]}"
        path.write_bytes(inp.data)
        argv = None
        while argv is None:
            argv = fuzzlib.cli_argv(rng.choice(fuzzlib.CLI_COMMANDS), kind, path, work)
        result = subprocess.run(
            [str(exe), *argv], cwd=work, env=env, capture_output=True, text=True, timeout=300
        )
        problem = fuzzlib.check_cli_output(result.returncode, result.stdout, result.stderr)
        counts[f"exe {kind} exit {result.returncode}"] += 1
        if problem:
            fail("exe " + " ".join(argv[:2]), inp, problem)
    exe_s = time.perf_counter() - started

    started = time.perf_counter()
    config_dir = work / "config"
    config_dir.mkdir()
    cwd = Path.cwd()
    names = ("DATABASE_URL", "SHADOW_DATABASE_URL")
    saved = {k: os.environ.pop(k) for k in names if k in os.environ}
    os.chdir(config_dir)
    try:
        for _ in range(args.config):
            for name in ("lockplane.toml", ".env.local", "alembic.ini"):
                (config_dir / name).unlink(missing_ok=True)
            files = {
                "lockplane.toml": fuzzlib.mutate_config(rng, fuzzlib.SEED_TOML),
                ".env.local": fuzzlib.mutate_config(rng, fuzzlib.SEED_DOTENV),
            }
            if rng.random() < 0.3:
                files["alembic.ini"] = fuzzlib.mutate_config(rng, fuzzlib.SEED_INI)
            for name, data in files.items():
                (config_dir / name).write_bytes(data)
            code, out, err = fuzzlib.run_cli_in_process(["introspect"])
            problem = fuzzlib.check_cli_output(code, out, err, secrets=(":pw@",))
            counts[f"config exit {code}"] += 1
            if problem:
                failures.append(f"config: {problem.splitlines()[0][:300]}")
    finally:
        os.chdir(cwd)
        os.environ.update(saved)
    config_s = time.perf_counter() - started

    total = args.count + args.cli + args.exe + args.config
    print(f"seed {args.seed}: {total} inputs, {len(failures)} failures")
    print(f"  library: {args.count} inputs in {library_s:.1f} s")
    print(f"  cli in-process: {args.cli} inputs in {cli_s:.1f} s (shadow: {bool(shadow)})")
    print(f"  real executable: {args.exe} inputs in {exe_s:.1f} s")
    print(f"  settings files: {args.config} inputs in {config_s:.1f} s")
    for key in sorted(counts):
        print(f"    {key}: {counts[key]}")
    for line in failures[:50]:
        print("FAIL", line)
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
