"""Cold and warm timings of `lockplane validate schema` on the embedded shadow.

Cold = a new cache directory (initdb + start); warm = the data directory exists (start only).
Each figure is the median of --runs runs of the real executable, so it includes Python start-up.

    .venv/bin/python benchmarks/shadow.py [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SCHEMA = """\
CREATE TABLE users (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email text NOT NULL UNIQUE);
CREATE TABLE posts (id bigint PRIMARY KEY, author bigint REFERENCES users (id), title text);
CREATE INDEX posts_author_idx ON posts (author);
"""


def timed(args: list[str], cwd: Path, env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(args, cwd=cwd, env=env, check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    lockplane = str(Path(sys.executable).parent / "lockplane")
    work = Path(tempfile.mkdtemp(prefix="lockplane-bench-"))
    (work / "schema.lp.sql").write_text(SCHEMA)
    base = {k: v for k, v in os.environ.items() if k != "SHADOW_DATABASE_URL"}
    python_only = [timed([lockplane, "--version"], work, base) for _ in range(runs)]
    cold, warm = [], []
    for i in range(runs):
        env = dict(base, LOCKPLANE_CACHE_DIR=str(work / f"cache{i}"))
        cold.append(timed([lockplane, "validate", "schema"], work, env))
        warm.append(timed([lockplane, "validate", "schema"], work, env))
    print(f"lockplane --version (start-up only): {statistics.median(python_only):.2f} s")
    print(f"validate schema, cold (initdb):      {statistics.median(cold):.2f} s")
    print(f"validate schema, warm:               {statistics.median(warm):.2f} s")


if __name__ == "__main__":
    main()
