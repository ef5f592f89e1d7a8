"""`lockplane apply` as a user runs it: result JSON on stdout, progress and errors on stderr.

The lead's e2e tests cover the whole Lockplane workflow; these pin what apply itself adds:
progress per step, the dry-run flag, the lock timeout flag, one-line refusals.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import psycopg2
from pg_test_server import create_database, drop_database

from alembic_lockplane import engine
from alembic_lockplane.db.url import libpq_dsn
from alembic_lockplane.model.objects import Schema
from alembic_lockplane.plan.planfile import plan_to_json

BIN = Path(sys.executable).parent / "lockplane"
START = "CREATE TABLE public.users (id bigint PRIMARY KEY);"
DESIRED = START + "CREATE TABLE public.posts (id int); ALTER TABLE public.users ADD COLUMN n int;"


def run_sql(url: str, sql: str) -> None:
    conn = psycopg2.connect(libpq_dsn(url))
    conn.autocommit = True
    try:
        with conn.cursor() as cur:
            cur.execute(sql)
    finally:
        conn.close()


def lockplane(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.endswith("DATABASE_URL")}
    return subprocess.run(
        [str(BIN), *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300
    )


def write_plan(tmp_path: Path, pg_server: str, db_url: str) -> Schema:
    """Write migration.json (from db_url's schema to DESIRED); return the desired model."""
    desired_url = create_database(pg_server)
    try:
        run_sql(desired_url, DESIRED)
        desired = engine.introspect_url(desired_url)
        plan = engine.make_plan(engine.introspect_url(db_url), desired)
    finally:
        drop_database(pg_server, desired_url)
    (tmp_path / "migration.json").write_text(plan_to_json(plan))
    return desired


def test_cli_apply_dry_run_then_apply_then_refuse(
    tmp_path: Path, db_url: str, pg_server: str
) -> None:
    run_sql(db_url, START)
    start = engine.introspect_url(db_url)
    write_plan(tmp_path, pg_server, db_url)
    common = ("--db", db_url, "--shadow-db", pg_server)

    dry = lockplane(tmp_path, "apply", "migration.json", "--dry-run", *common)
    assert dry.returncode == 0, dry.stderr
    assert json.loads(dry.stdout) == {"success": True, "steps_applied": 0, "dry_run": True}
    assert "shadow: the rollback ran and returned to the starting schema" in dry.stderr
    assert engine.introspect_url(db_url) == start

    done = lockplane(tmp_path, "apply", "migration.json", *common)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {"success": True, "steps_applied": 2}
    assert "[1/2] Create table posts" in done.stderr
    assert "[2/2] Add column n to table users" in done.stderr

    again = lockplane(tmp_path, "apply", "migration.json", *common)
    assert again.returncode == 1
    assert again.stdout == ""
    assert "already has this plan's target schema" in again.stderr
    assert "Traceback" not in again.stderr


def test_cli_lock_timeout_flag(tmp_path: Path, db_url: str, pg_server: str) -> None:
    run_sql(db_url, START)
    start = engine.introspect_url(db_url)
    write_plan(tmp_path, pg_server, db_url)
    holder = psycopg2.connect(libpq_dsn(db_url))
    try:
        with holder.cursor() as cur:
            cur.execute("SELECT * FROM public.users")
        out = lockplane(
            tmp_path,
            "apply",
            "migration.json",
            "--db",
            db_url,
            "--skip-shadow",
            "--lock-timeout",
            "200ms",
        )
    finally:
        holder.rollback()
        holder.close()
    assert out.returncode == 1
    assert out.stdout == ""
    assert "gave up after lock_timeout=200ms" in out.stderr
    assert "nothing was applied" in out.stderr
    assert engine.introspect_url(db_url) == start


def test_cli_eight_processes_at_once_exactly_one_applies(
    tmp_path: Path, db_url: str, pg_server: str
) -> None:
    run_sql(db_url, START)
    desired = write_plan(tmp_path, pg_server, db_url)
    env = {k: v for k, v in os.environ.items() if not k.endswith("DATABASE_URL")}
    args = [str(BIN), "apply", "migration.json", "--db", db_url, "--shadow-db", pg_server]
    procs = [
        subprocess.Popen(
            args, cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        for _ in range(8)
    ]
    results = [(p.wait(300), *p.communicate()) for p in procs]
    winners = [out for code, out, _ in results if code == 0]
    assert winners and [json.loads(w) for w in winners] == [{"success": True, "steps_applied": 2}]
    for code, out, err in results:
        if code != 0:
            assert code == 1 and out == ""
            assert (
                "already has this plan's target schema" in err
                or "another lockplane apply is running" in err
            ), err
            assert "Traceback" not in err
    assert engine.introspect_url(db_url) == desired
