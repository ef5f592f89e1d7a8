"""`lockplane check` for CI: fails with the missing plan when schema.lp.sql has no revision."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from test_alembic_support import BIN, Project

pytestmark = pytest.mark.db


def _check(project: Project, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN / "lockplane"), "check", *args],
        cwd=project.root, env=project.env(), capture_output=True, text=True, timeout=300,
    )  # fmt: skip


def test_check_fails_on_an_edit_without_revision_and_passes_after_one(
    tmp_path: Path, db_url: str, pg_server: str
) -> None:
    project = Project.create(tmp_path / "app", db_url, pg_server)
    project.write_schema("CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);\n")
    project.alembic("revision", "--lockplane", "-m", "users")
    assert _check(project).returncode == 0
    project.alembic("upgrade", "head")

    project.write_schema(
        "CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, name text);\n"
    )
    failing = _check(project)
    assert failing.returncode == 1
    missing = json.loads(failing.stdout)
    assert [s["description"] for s in missing["steps"]] == ["Add column name to table users"]
    assert "alembic revision --lockplane" in failing.stderr

    # check replays on a scratch database: the live one did not get the column
    columns = (
        "SELECT attname::text FROM pg_attribute WHERE attrelid = 'users'::regclass AND attnum > 0"
    )
    assert project.query(columns) == [("id",), ("email",)]

    project.alembic("revision", "--lockplane", "-m", "name")
    passing = _check(project, "--roundtrip")
    assert passing.returncode == 0, passing.stderr
    assert passing.stdout == ""


def test_check_outside_a_project_is_a_usage_error(tmp_path: Path) -> None:
    done = subprocess.run(
        [str(BIN / "lockplane"), "check"], cwd=tmp_path, capture_output=True, text=True
    )
    assert done.returncode == 2
    assert "alembic.ini: no such Alembic config" in done.stderr
