"""The README and the quickstart run as written, so the docs cannot rot.

Every shell block runs in an empty temp folder with the venv's ``bin`` first on ``PATH``,
``DATABASE_URL`` a fresh database of the test server and ``SHADOW_DATABASE_URL`` the test server.
"""

from __future__ import annotations

import json
import sys
import tomllib
from pathlib import Path

import pytest
from docs_blocks import Block, run_blocks, shell_blocks

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
QUICKSTART = ROOT / "docs" / "quickstart.md"
MIGRATING = ROOT / "docs" / "migrating-from-lockplane.md"
BIN = Path(sys.executable).parent


def _run(blocks: list[Block], tmp_path: Path, db_url: str, pg_server: str) -> str:
    done = run_blocks(blocks, tmp_path, database_url=db_url, shadow_url=pg_server, bin_dir=BIN)
    output = done.stdout + done.stderr
    assert done.returncode == 0, f"exit {done.returncode}\n{output[-6000:]}"
    return output


@pytest.mark.db
def test_quickstart_runs_verbatim(tmp_path: Path, db_url: str, pg_server: str) -> None:
    blocks = shell_blocks(QUICKSTART)
    assert len([b for b in blocks if not b.skip]) >= 8
    output = _run(blocks, tmp_path, db_url, pg_server)
    # What the page tells the reader they will see.
    assert "4 steps: 4 safe." in output
    assert "Create index posts_published_at_idx" in output
    assert "Blocked by: drop_column" in output
    assert "dangerous [drop_column] (allowed)" in output
    assert "No changes: the current schema matches the desired schema" in output
    versions = (tmp_path / "blog/migrations/versions").glob("*.py")
    assert sorted(p.name.split("_", 1)[1] for p in versions) == [
        "add_published_at.py",
        "create_authors_and_posts.py",
        "drop_published_at.py",
    ]


@pytest.mark.db
def test_readme_runs_verbatim(tmp_path: Path, db_url: str, pg_server: str) -> None:
    blocks = shell_blocks(README)
    assert [b for b in blocks if not b.skip], "README has no runnable shell block"
    _run(blocks, tmp_path, db_url, pg_server)


@pytest.mark.db
def test_lockplane_workflow_runs_verbatim(tmp_path: Path, db_url: str, pg_server: str) -> None:
    blocks = shell_blocks(MIGRATING)
    assert blocks and not [b for b in blocks if b.skip]
    output = _run(blocks, tmp_path, db_url, pg_server)
    assert "No changes: the schemas match." in output
    plan = json.loads((tmp_path / "migration.json").read_text())
    rollback = json.loads((tmp_path / "rollback.json").read_text())
    assert [s["description"] for s in plan["steps"]] == [
        "Create table users",
        "Create table memberships",
        "Add constraint memberships_user_id_fkey to table memberships",
    ]
    # The fixes the page claims: a composite key stays one constraint, DEFAULT true survives,
    # and a rollback plan carries the forward plan's target hash as its guard.
    sql = " ".join(" ".join(s["sql"]) for s in plan["steps"])
    assert "PRIMARY KEY (user_id, team)" in sql and "DEFAULT true" in sql
    assert rollback["source_hash"] == plan["target_hash"] != ""


def test_only_the_readme_setup_commands_are_skipped() -> None:
    skipped = [b.code.strip() for b in shell_blocks(README) if b.skip]
    assert len(skipped) == 2, skipped
    assert all(code.startswith("python3 -m venv .venv && ") for code in skipped)


def test_ci_runs_the_readme_test_command_verbatim() -> None:
    setup, test_command = (b.code.strip() for b in shell_blocks(README) if b.skip)
    assert "pytest" in test_command and "lockplane demo" in setup
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert test_command in ci


def test_quickstart_skips_only_the_install_of_this_package() -> None:
    name = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["name"]
    skipped = [b.code.strip() for b in shell_blocks(QUICKSTART) if b.skip]
    assert skipped == [f"pip install {name}"]
