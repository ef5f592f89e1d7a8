"""The init template's env.py: Alembic's one-line FAILED for a missing or unreachable database."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from alembic_lockplane.integration import init_project

BIN = Path(sys.executable).parent
pytestmark = pytest.mark.db


def _alembic(project: Path, *args: str, url: str | None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL",)}
    if url:
        env["DATABASE_URL"] = url
    return subprocess.run(
        [str(BIN / "alembic"), *args], cwd=project, env=env, capture_output=True, text=True,
        timeout=120,
    )  # fmt: skip


def test_missing_and_unreachable_database_are_one_line(tmp_path: Path) -> None:
    project = init_project(tmp_path / "app").parent
    missing = _alembic(project, "upgrade", "head", url=None)
    assert missing.returncode != 0
    assert "FAILED: no database URL: set DATABASE_URL or sqlalchemy.url" in missing.stdout
    assert "Traceback" not in missing.stderr

    url = "postgresql://app:pa55word-secret@127.0.0.1:1/app"
    down = _alembic(project, "upgrade", "head", url=url)
    assert down.returncode != 0
    assert "FAILED: cannot connect to the database" in down.stdout
    assert "Traceback" not in down.stderr
    assert "pa55word-secret" not in down.stdout + down.stderr


def test_a_working_database_still_upgrades(tmp_path: Path, db_url: str) -> None:
    project = init_project(tmp_path / "app").parent
    done = _alembic(project, "upgrade", "head", url=db_url)
    assert done.returncode == 0, done.stdout + done.stderr
