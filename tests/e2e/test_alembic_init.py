"""``lockplane init DIR`` gives a project the stock ``alembic`` drives right away."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from test_alembic_support import BIN, Project

pytestmark = pytest.mark.db


def test_lockplane_init_then_revision_and_upgrade_with_the_embedded_shadow(
    tmp_path: Path, db_url: str
) -> None:
    """No SHADOW_DATABASE_URL: the zero-setup path starts the embedded PostgreSQL."""
    done = subprocess.run(
        [str(BIN / "lockplane"), "init", "app"],
        cwd=tmp_path, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""
    project = Project(tmp_path / "app", db_url)
    project.extra_env["LOCKPLANE_CACHE_DIR"] = str(tmp_path / "cache")
    assert (project.root / "schema.lp.sql").is_file()
    project.alembic("revision", "--lockplane", "-m", "start")
    assert (tmp_path / "cache").is_dir()
    project.alembic("upgrade", "head")
    assert project.query("SELECT to_regclass('public.users')::text") == [("users",)]
    again = subprocess.run(
        [str(BIN / "lockplane"), "init", "app"],
        cwd=tmp_path, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert again.returncode == 1
    assert "already exists" in again.stderr
