"""examples/blog works end to end on the test server.

The committed revisions upgrade to head (where PostgreSQL enforces what the schema declares),
leave nothing for `alembic revision --lockplane` to do, and downgrade to base; and
each revision gives exactly its step's schema; `regenerate.sh` still rebuilds the revisions
from the step files.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import psycopg2
import pytest

from alembic_lockplane.db.url import libpq_dsn

ROOT = Path(__file__).resolve().parents[2]
BLOG = ROOT / "examples" / "blog"
BIN = Path(sys.executable).parent

pytestmark = pytest.mark.db


def _copy(tmp_path: Path) -> Path:
    project = tmp_path / "blog"
    shutil.copytree(BLOG, project, ignore=shutil.ignore_patterns("__pycache__"))
    return project


def _env(db_url: str, pg_server: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("LOCKPLANE_SCHEMA_DIR", "VIRTUAL_ENV")}
    env.update(
        DATABASE_URL=db_url,
        SHADOW_DATABASE_URL=pg_server,
        PATH=f"{BIN}{os.pathsep}{env.get('PATH', '')}",
    )
    return env


def _run(args: list[str], project: Path, env: dict[str, str]) -> str:
    done = subprocess.run(args, cwd=project, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, f"{args} exit {done.returncode}\n{done.stdout}{done.stderr}"
    return done.stdout + done.stderr


def _tables(project: Path, env: dict[str, str]) -> set[str]:
    snapshot = json.loads(
        _run([str(BIN / "lockplane"), "introspect"], project, env).split("\n\n")[0]
    )
    return {t["name"] for t in snapshot.get("tables", [])}


def _versions(project: Path) -> list[Path]:
    return sorted((project / "migrations" / "versions").glob("*.py"))


def test_schema_is_the_last_step() -> None:
    steps = sorted((BLOG / "steps").glob("*.lp.sql"))
    assert [p.name for p in steps] == ["01.lp.sql", "02.lp.sql", "03.lp.sql"]
    assert (BLOG / "schema.lp.sql").read_text() == steps[-1].read_text()
    assert [p.name.split("_")[1] for p in _versions(BLOG)] == ["01", "02", "03"]


def test_committed_revisions_upgrade_to_the_schema_and_downgrade_to_base(
    tmp_path: Path, db_url: str, pg_server: str
) -> None:
    project, env = _copy(tmp_path), _env(db_url, pg_server)
    _run(["alembic", "upgrade", "head"], project, env)
    assert _tables(project, env) == {"authors", "posts", "tags", "post_tags", "comments"}

    conn = psycopg2.connect(libpq_dsn(db_url))
    conn.autocommit = True
    with conn.cursor() as cur:
        cur.execute("INSERT INTO authors (email, name) VALUES ('a@example.com', 'A') RETURNING id")
        row = cur.fetchone()
        assert row is not None
        with pytest.raises(psycopg2.errors.UniqueViolation):
            cur.execute("INSERT INTO authors (email, name) VALUES ('A@EXAMPLE.COM', 'B')")
        with pytest.raises(psycopg2.errors.CheckViolation):
            cur.execute(
                "INSERT INTO posts (author_id, title, status) VALUES (%s, 't', 'published')", row
            )
        cur.execute("TRUNCATE authors CASCADE")
    conn.close()  # the downgrade below needs no other session on the tables

    out = _run(["alembic", "revision", "--lockplane", "-m", "check"], project, env)
    assert "No changes" in out
    assert len(_versions(project)) == 3

    _run(["alembic", "downgrade", "base"], project, env)
    assert _tables(project, env) == set()
    _run(["alembic", "upgrade", "head"], project, env)
    assert "comments" in _tables(project, env)


def test_each_committed_revision_reaches_its_step(
    tmp_path: Path, db_url: str, pg_server: str
) -> None:
    project, env = _copy(tmp_path), _env(db_url, pg_server)
    for step in sorted((project / "steps").glob("*.lp.sql")):
        _run(["alembic", "upgrade", f"blog_{step.name[:2]}"], project, env)
        out = _run(
            [str(BIN / "lockplane"), "plan", "--from", db_url, "--to", str(step)], project, env
        )
        assert "No changes: the schemas match." in out, f"blog_{step.name[:2]} != {step.name}"


def test_regenerate_rebuilds_the_revisions(tmp_path: Path, db_url: str, pg_server: str) -> None:
    project, env = _copy(tmp_path), _env(db_url, pg_server)
    for version in _versions(project):
        version.unlink()
    # regenerate.sh runs every revision up, one by one, then every downgrade to base.
    out = _run(["bash", str(project / "regenerate.sh")], project, env)
    assert "Running downgrade blog_01 -> , create authors and posts" in out
    assert "dangerous [drop_column] (allowed)" in out  # step 03's `-- allow:` line
    assert [p.name for p in _versions(project)] == [p.name for p in _versions(BLOG)]
    assert _tables(project, env) == set()
