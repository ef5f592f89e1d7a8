"""``lockplane demo``: the whole job on the embedded server, as a user would run it.

Creates a project with ``lockplane init``, writes a schema, makes a revision with the stock
``alembic`` executable, upgrades, edits the schema, makes a second revision, downgrades
one step and prints what happened. Runs the real executables so that it proves the install.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from alembic_lockplane.errors import LockplaneError
from alembic_lockplane.shadow.provider import scratch_database, shadow_server_url

FIRST_SCHEMA = """\
CREATE TABLE users (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email text NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now()
);
"""

SECOND_SCHEMA = (
    FIRST_SCHEMA
    + """
CREATE TABLE posts (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    author_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    title text NOT NULL,
    body text
);

CREATE INDEX posts_author_id_idx ON posts (author_id);
"""
)


def _say(text: str) -> None:
    sys.stderr.write(text + "\n")
    sys.stderr.flush()


def _run(args: list[str], cwd: Path, env: dict[str, str]) -> str:
    _say(f"\n$ {' '.join(args)}")
    done = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True)
    if done.stderr:
        sys.stderr.write(done.stderr)
    if done.returncode != 0:
        raise LockplaneError(f"demo step failed: {' '.join(args)} (exit {done.returncode})")
    return done.stdout


def _show_newest_revision(project: Path) -> None:
    versions = sorted((project / "migrations" / "versions").glob("*.py"), key=os.path.getmtime)
    newest = versions[-1]
    _say(f"\n--- {newest.relative_to(project)} ---")
    sys.stdout.write(newest.read_text(encoding="utf-8"))
    sys.stdout.flush()


def run_demo(keep: Path | None = None) -> int:
    bin_dir = Path(sys.executable).parent
    lockplane, alembic = str(bin_dir / "lockplane"), str(bin_dir / "alembic")
    server = shadow_server_url(os.environ.get("SHADOW_DATABASE_URL"))
    workdir = keep or Path(tempfile.mkdtemp(prefix="lockplane-demo-"))
    project = workdir / "demo"
    if project.exists():
        shutil.rmtree(project)
    with scratch_database(server) as db_url:
        env = dict(os.environ, DATABASE_URL=db_url, SHADOW_DATABASE_URL=server)
        _run([lockplane, "init", str(project)], workdir, env)
        (project / "schema.lp.sql").write_text(FIRST_SCHEMA, encoding="utf-8")
        _run([alembic, "revision", "--lockplane", "-m", "create users"], project, env)
        _show_newest_revision(project)
        _run([alembic, "upgrade", "head"], project, env)
        (project / "schema.lp.sql").write_text(SECOND_SCHEMA, encoding="utf-8")
        _run([alembic, "revision", "--lockplane", "-m", "add posts"], project, env)
        _show_newest_revision(project)
        _run([alembic, "upgrade", "head"], project, env)
        _run([alembic, "downgrade", "-1"], project, env)
        _say(_run([alembic, "current"], project, env).strip())
        current = _run([lockplane, "introspect"], project, env)
        _say("\n--- current.json after `alembic downgrade -1` ---")
        sys.stdout.write(current)
    if keep is None:
        shutil.rmtree(workdir, ignore_errors=True)
    _say("\nDemo finished: two revisions written, upgraded, and the last one rolled back.")
    return 0
