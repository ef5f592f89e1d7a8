"""Limits the docs state (docs/objects.md) hold as written.

Column order is not planned, and not hashed: a column declared mid-table is appended, and the
revision still goes up and down through the guard.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

BIN = Path(sys.executable).parent


@pytest.mark.db
def test_column_declared_mid_table_downgrades(tmp_path: Path, db_url: str, pg_server: str) -> None:
    env = {k: v for k, v in os.environ.items() if k != "LOCKPLANE_SCHEMA_DIR"}
    env.update(DATABASE_URL=db_url, SHADOW_DATABASE_URL=pg_server)

    def run(*args: str) -> None:
        done = subprocess.run(
            [str(BIN / args[0]), *args[1:]],
            cwd=tmp_path / "app",
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert done.returncode == 0, done.stderr[-2000:]

    subprocess.run([str(BIN / "lockplane"), "init", str(tmp_path / "app")], check=True, env=env)
    schema = tmp_path / "app" / "schema.lp.sql"
    schema.write_text("CREATE TABLE t (a int PRIMARY KEY, b text);\n")
    run("alembic", "revision", "--lockplane", "-m", "one")
    run("alembic", "upgrade", "head")
    schema.write_text("CREATE TABLE t (a int PRIMARY KEY, middle int, b text);\n")
    run("alembic", "revision", "--lockplane", "-m", "two")
    run("alembic", "upgrade", "head")
    run("alembic", "downgrade", "-1")
