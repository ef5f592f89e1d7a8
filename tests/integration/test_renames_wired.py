"""Rename hints end to end, as a user runs them: ``lockplane plan`` (from the live database
and from a ``current.json`` snapshot), ``lockplane apply`` (plan file and ``--schema``),
``lockplane rollback``, and ``alembic revision --lockplane`` / ``upgrade`` / ``downgrade``.
Rows survive every way through; a hint naming nothing is one line with its file:line:col."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import psycopg2
import pytest
from alembic import command
from alembic.config import Config

from alembic_lockplane import engine
from alembic_lockplane.db.url import libpq_dsn
from alembic_lockplane.integration import init_project, revision

pytestmark = pytest.mark.db

BIN = Path(sys.executable).parent / "lockplane"
CURRENT = """
CREATE TABLE people (
  id bigint CONSTRAINT people_pkey PRIMARY KEY,
  full_name text NOT NULL
);
"""
ROWS = "INSERT INTO people SELECT g, 'name ' || g FROM generate_series(1, 300) g"
DESIRED = """CREATE TABLE untouched (id int);

-- lockplane: renamed from people
CREATE TABLE persons (
  id bigint CONSTRAINT people_pkey PRIMARY KEY,
  -- lockplane: renamed from full_name
  display_name text NOT NULL
);
"""
RENAMES = [
    "ALTER TABLE public.people RENAME TO persons",
    "ALTER TABLE public.persons RENAME COLUMN full_name TO display_name",
]


def run_sql(url: str, sql: str) -> list[tuple[object, ...]]:
    conn = psycopg2.connect(libpq_dsn(url))
    conn.autocommit = True
    try:
        with conn.cursor() as cur:
            cur.execute(sql)
            return cur.fetchall() if cur.description else []
    finally:
        conn.close()


def lockplane(cwd: Path, *args: str, shadow: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.endswith("DATABASE_URL")}
    env["SHADOW_DATABASE_URL"] = shadow
    env["LOCKPLANE_NO_CACHE"] = "1"
    return subprocess.run(
        [str(BIN), *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300
    )


def _people(url: str) -> list[tuple[object, ...]]:
    return run_sql(url, "SELECT count(*), min(full_name), max(id) FROM people")


def _persons(url: str) -> list[tuple[object, ...]]:
    return run_sql(url, "SELECT count(*), min(display_name), max(id) FROM persons")


def test_cli_plan_from_snapshot_apply_and_rollback_keep_rows(
    tmp_path: Path, db_url: str, pg_server: str
) -> None:
    run_sql(db_url, CURRENT + ROWS)
    (tmp_path / "schema.lp.sql").write_text(DESIRED, encoding="utf-8")
    snap = lockplane(tmp_path, "introspect", "--db", db_url, "-o", "current.json", shadow=pg_server)
    assert snap.returncode == 0, snap.stderr

    made = lockplane(
        tmp_path, "plan", "--from", "current.json", "--to", "schema.lp.sql", shadow=pg_server
    )
    assert made.returncode == 0, made.stderr
    plan = json.loads(made.stdout)
    assert [s["sql"] for s in plan["steps"][:2]] == [[RENAMES[0]], [RENAMES[1]]]
    assert plan["steps"][0]["rollback"] == ["ALTER TABLE public.persons RENAME TO people"]
    assert "Drop" not in made.stderr and "Rename table people to persons" in made.stderr
    (tmp_path / "migration.json").write_text(made.stdout, encoding="utf-8")

    back = lockplane(
        tmp_path, "rollback", "--plan", "migration.json", "--from", "current.json", shadow=pg_server
    )
    assert back.returncode == 0, back.stderr
    (tmp_path / "rollback.json").write_text(back.stdout, encoding="utf-8")

    done = lockplane(tmp_path, "apply", "migration.json", "--db", db_url, shadow=pg_server)
    assert done.returncode == 0, done.stderr
    assert _persons(db_url) == [(300, "name 1", 300)]

    undone = lockplane(tmp_path, "apply", "rollback.json", "--db", db_url, shadow=pg_server)
    assert undone.returncode == 0, undone.stderr
    assert _people(db_url) == [(300, "name 1", 300)]


def test_cli_plan_from_database_and_apply_schema_keep_rows(
    tmp_path: Path, db_url: str, pg_server: str
) -> None:
    run_sql(db_url, CURRENT + ROWS)
    (tmp_path / "schema.lp.sql").write_text(DESIRED, encoding="utf-8")
    made = lockplane(
        tmp_path, "plan", "--from", db_url, "--to", "schema.lp.sql", "--format", "sql",
        shadow=pg_server,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    assert f"{RENAMES[0]};" in made.stdout and f"{RENAMES[1]};" in made.stdout
    assert "DROP TABLE" not in made.stdout

    done = lockplane(
        tmp_path, "apply", "--schema", "schema.lp.sql", "--db", db_url, "--auto-approve",
        shadow=pg_server,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert _persons(db_url) == [(300, "name 1", 300)]
    # The hints stay in the file: the renames are done, so they do nothing any more.
    again = lockplane(tmp_path, "plan", "--from", db_url, "--to", "schema.lp.sql", shadow=pg_server)
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout)["steps"] == []


@pytest.mark.parametrize(
    ("old", "new", "where", "what"),
    [
        ("from people", "from peeple", "schema.lp.sql:3:1", "table public.peeple"),
        ("from full_name", "from fullname", "schema.lp.sql:6:3", "column 'fullname'"),
    ],
)
def test_cli_hint_naming_nothing_is_one_line_with_its_position(
    tmp_path: Path, db_url: str, pg_server: str, old: str, new: str, where: str, what: str
) -> None:
    run_sql(db_url, CURRENT)
    (tmp_path / "schema.lp.sql").write_text(DESIRED.replace(old, new), encoding="utf-8")
    for args in (
        ("plan", "--from", db_url, "--to", "schema.lp.sql"),
        ("apply", "--schema", "schema.lp.sql", "--db", db_url, "--auto-approve"),
    ):
        out = lockplane(tmp_path, *args, shadow=pg_server)
        assert out.returncode == 1, out.stderr
        assert out.stdout == ""
        [first] = [line for line in out.stderr.splitlines() if line.startswith("error:")]
        assert first.startswith(f"error: {where}: renamed from") and what in first, out.stderr
        assert "Traceback" not in out.stderr
    assert run_sql(db_url, "SELECT count(*) FROM people") == [(0,)]


@pytest.fixture
def config(tmp_path: Path, db_url: str, pg_server: str, monkeypatch: pytest.MonkeyPatch) -> Config:
    ini = init_project(tmp_path / "proj")
    (tmp_path / "proj" / "schema.lp.sql").write_text(CURRENT, encoding="utf-8")
    monkeypatch.setenv("DATABASE_URL", db_url)
    monkeypatch.setenv("SHADOW_DATABASE_URL", pg_server)
    monkeypatch.setenv("LOCKPLANE_NO_CACHE", "1")
    monkeypatch.delenv("LOCKPLANE_GUARD", raising=False)
    return Config(str(ini))


def test_alembic_revision_renames_and_downgrade_renames_back(
    config: Config, tmp_path: Path, db_url: str
) -> None:
    revision(config, message="people", rev_id="0001")
    command.upgrade(config, "head")
    run_sql(db_url, ROWS)
    (tmp_path / "proj" / "schema.lp.sql").write_text(DESIRED, encoding="utf-8")
    script = revision(config, message="rename", rev_id="0002")
    text = Path(script.path).read_text("utf-8")
    upgrade = text[text.index("def upgrade") : text.index("def downgrade")]
    downgrade = text[text.index("def downgrade") :]
    assert all(f'lp.execute("{sql}")' in upgrade for sql in RENAMES)
    assert "DROP TABLE" not in upgrade
    assert 'lp.execute("ALTER TABLE public.persons RENAME TO people")' in downgrade

    command.upgrade(config, "head")
    assert _persons(db_url) == [(300, "name 1", 300)]
    # With the hints still in the file, the next revision has nothing to do.
    assert revision(config, message="nothing", rev_id="0003") == []

    command.downgrade(config, "0001")
    assert _people(db_url) == [(300, "name 1", 300)]
    command.upgrade(config, "head")
    assert _persons(db_url) == [(300, "name 1", 300)]


def test_alembic_revision_hint_naming_nothing_is_a_command_error(
    config: Config, tmp_path: Path
) -> None:
    from alembic.util import CommandError

    revision(config, message="people", rev_id="0001")
    command.upgrade(config, "head")
    text = DESIRED.replace("from people", "from nobody")
    (tmp_path / "proj" / "schema.lp.sql").write_text(text, encoding="utf-8")
    with pytest.raises(CommandError, match=r"schema\.lp\.sql:3:1: renamed from 'nobody'"):
        revision(config, message="rename", rev_id="0002")
    assert not list((tmp_path / "proj" / "migrations" / "versions").glob("0002*"))


def test_engine_ignores_files_without_hints(tmp_path: Path) -> None:
    (tmp_path / "schema.lp.sql").write_text(CURRENT, encoding="utf-8")
    assert engine.rename_hints(tmp_path / "schema.lp.sql", cwd=tmp_path) == ()
    (tmp_path / "schema.lp.sql").write_text(DESIRED, encoding="utf-8")
    hinted = engine.rename_hints(tmp_path / "schema.lp.sql", cwd=tmp_path)
    assert [h.old_name for s in hinted for h in s.hints] == ["people", "full_name"]
