"""One function per measured tool. Each returns seconds (and what else it measured) for one run.

Subprocesses are timed from spawn to exit, and their peak resident memory is read from the
kernel (``wait4``), so the figures include interpreter start-up as a user would see it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import bench_db

from alembic_lockplane import engine
from alembic_lockplane.db.connect import connect
from alembic_lockplane.introspect import introspect

BIN = Path(sys.executable).parent
MIGRA = Path(__file__).parent / ".venv-migra" / "bin" / "migra"


@dataclass
class Proc:
    seconds: float
    max_rss_mib: float
    returncode: int
    stderr: str


def run(args: list[str], *, env: dict[str, str] | None = None, cwd: Path | None = None) -> Proc:
    start = time.perf_counter()
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=err, env=env, cwd=cwd)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        text = err.read().decode(errors="replace")
    return Proc(seconds, usage.ru_maxrss / 1024, proc.returncode, text)


def checked(proc: Proc, what: str, ok: tuple[int, ...] = (0,)) -> Proc:
    if proc.returncode not in ok:
        raise RuntimeError(f"{what} exited {proc.returncode}: {proc.stderr[-2000:]}")
    return proc


def base_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LOCKPLANE_", "SHADOW_"))}
    env.pop("DATABASE_URL", None)
    env.update(extra)
    return env


# --- lockplane, in process -------------------------------------------------------------


def plan_phases(live: str, desired: Path, shadow: str, cache_dir: Path) -> dict[str, float]:
    """One ``lockplane plan`` through the engine functions, each phase timed."""
    os.environ["LOCKPLANE_CACHE_DIR"] = str(cache_dir)
    t0 = time.perf_counter()
    want = engine.load_desired(desired, shadow_url=shadow, cwd=desired.parent)
    t1 = time.perf_counter()
    have = engine.introspect_url(live)
    t2 = time.perf_counter()
    plan = engine.make_plan(have, want)
    t3 = time.perf_counter()
    assert plan.steps, "the change scenario must give a non-empty plan"
    return {"load": t1 - t0, "introspect": t2 - t1, "plan": t3 - t2, "total": t3 - t0}


def catalog_queries(live: str) -> int:
    labels: list[str] = []
    conn = connect(live)
    try:
        introspect(conn, on_query=labels.append)
    finally:
        conn.close()
    return len(labels)


def traced_peak_mib(live: str, desired: Path, shadow: str) -> float:
    """Peak Python heap of a cold in-process plan (tracemalloc; slows the run down)."""
    with tempfile.TemporaryDirectory() as cache:
        tracemalloc.start()
        try:
            plan_phases(live, desired, shadow, Path(cache))
            return tracemalloc.get_traced_memory()[1] / 2**20
        finally:
            tracemalloc.stop()


# --- subprocesses ----------------------------------------------------------------------


def _entries(cache_dir: Path) -> set[str]:
    return {p.name for p in (cache_dir / "desired").glob("*.json")}


def warm(fn: Callable[[], Any], cache_dir: Path, tries: int = 3) -> Any:
    """``fn`` on a warm cache. A run that wrote a new entry was a miss (this shared working
    tree's introspection/model code changed under us, which changes the cache key): retried.
    """
    for _ in range(tries):
        before = _entries(cache_dir)
        value = fn()
        if _entries(cache_dir) <= before:
            return value
    raise RuntimeError(f"no warm run in {tries} tries: the cache key keeps changing")


def cli_plan(live: str, desired: Path, shadow: str, cache_dir: Path) -> Proc:
    env = base_env(SHADOW_DATABASE_URL=shadow, LOCKPLANE_CACHE_DIR=str(cache_dir))
    args = [str(BIN / "lockplane"), "plan", "--from", live, "--to", str(desired)]
    return checked(run(args, env=env, cwd=desired.parent), "lockplane plan")


def _set_ini(ini: Path, **values: str) -> None:
    text = ini.read_text()
    for key, value in values.items():
        text, n = re.subn(rf"(?m)^{key}\s*=.*$", f"{key} = {value}", text)
        assert n == 1, (key, n)
    ini.write_text(text)


def sa_url(url: str) -> str:
    return re.sub(r"^postgres(ql)?://", "postgresql+psycopg2://", url)


def lockplane_project(folder: Path, live: str, desired: Path, shadow: str) -> Path:
    """``lockplane init`` + the desired file + the live database; returns the project dir."""
    if folder.exists():
        shutil.rmtree(folder)
    checked(run([str(BIN / "lockplane"), "init", str(folder)], env=base_env()), "lockplane init")
    shutil.copyfile(desired, folder / "schema.lp.sql")
    _set_ini(
        folder / "alembic.ini", **{"sqlalchemy.url": sa_url(live), "shadow_database_url": shadow}
    )
    return folder


def alembic_lockplane(project: Path, cache_dir: Path) -> Proc:
    env = base_env(LOCKPLANE_CACHE_DIR=str(cache_dir))
    args = [str(BIN / "alembic"), "revision", "--lockplane", "-m", "bench"]
    proc = checked(run(args, env=env, cwd=project), "alembic revision --lockplane")
    written = list((project / "migrations" / "versions").glob("*.py"))
    assert len(written) == 1, (written, proc.stderr[-2000:])
    for path in written:  # keep the database "at head" for the next run
        path.unlink()
    return proc


ENV_PY = """\
import sys
from alembic import context
from sqlalchemy import engine_from_config, pool

sys.path.insert(0, {models_dir!r})
from bench_models import metadata  # noqa: E402

config = context.config
connectable = engine_from_config(
    config.get_section(config.config_ini_section), prefix="sqlalchemy.", poolclass=pool.NullPool
)
with connectable.connect() as connection:
    context.configure(connection=connection, target_metadata=metadata)
    with context.begin_transaction():
        context.run_migrations()
"""


def autogenerate_project(folder: Path, live: str, models: Path) -> Path:
    """A stock ``alembic init`` project whose env.py targets the generated metadata."""
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    init = [str(BIN / "alembic"), "init", "migrations"]
    checked(run(init, env=base_env(), cwd=folder), "alembic init")
    _set_ini(folder / "alembic.ini", **{"sqlalchemy.url": sa_url(live)})
    (folder / "migrations" / "env.py").write_text(ENV_PY.format(models_dir=str(models.parent)))
    return folder


def alembic_autogenerate(project: Path) -> Proc:
    args = [str(BIN / "alembic"), "revision", "--autogenerate", "-m", "bench"]
    proc = checked(run(args, env=base_env(), cwd=project), "alembic revision --autogenerate")
    for path in (project / "migrations" / "versions").glob("*.py"):
        path.unlink()
    return proc


def migra(live: str, target: str) -> Proc:
    # exit status 2 means "differences found", which the change scenario guarantees
    return checked(run([str(MIGRA), "--unsafe", live, target], env=base_env()), "migra", (2,))


def pg_dump(exe: str, live: str) -> Proc:
    return checked(run([exe, "-s", "-f", os.devnull, live], env=base_env()), "pg_dump -s")


def limit(server: str, stmts: list[str], size: int) -> dict[str, float]:
    """PostgreSQL executing the desired DDL once in a new database, plus one catalog scan."""
    name = f"{bench_db.PREFIX}{size}_limit_{os.getpid()}"
    url = bench_db.recreate(server, name)
    try:
        ddl = bench_db.execute(url, stmts)
        start = time.perf_counter()
        conn = connect(url)
        try:
            introspect(conn)
        finally:
            conn.close()
        scan = time.perf_counter() - start
    finally:
        bench_db.drop(server, name)
    return {"ddl": ddl, "scan": scan, "total": ddl + scan}
