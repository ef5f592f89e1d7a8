"""Blocking findings through the command line: ``plan --validate`` exits 1 until allowed.

Both schemas come from real databases (introspected, saved as JSON snapshots); the command
runs as a user runs it, in a subprocess.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from alembic_lockplane.introspect import introspect
from alembic_lockplane.model.serde import schema_to_json

pytestmark = pytest.mark.db

LOCKPLANE = str(Path(sys.executable).parent / "lockplane")  # the installed console script
CURRENT = "CREATE TABLE users (id bigint PRIMARY KEY, email text, legacy text);"


def _snapshot(conn: Any, sql: str, path: Path) -> Path:
    with conn.cursor() as cur:
        cur.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
        cur.execute(sql)
    path.write_text(schema_to_json(introspect(conn)))
    return path


def _plan(current: Path, desired: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [LOCKPLANE, "plan", "--from", str(current), "--to", str(desired), "--validate", *extra],
        capture_output=True,
        text=True,
        check=False,
    )


def test_a_blocking_finding_fails_validate_until_its_code_is_allowed(
    conn: Any, tmp_path: Path
) -> None:
    current = _snapshot(conn, CURRENT, tmp_path / "current.json")
    desired = _snapshot(conn, CURRENT.replace(", legacy text", ""), tmp_path / "desired.json")

    blocked = _plan(current, desired)
    assert blocked.returncode == 1, blocked.stderr
    assert "[drop_column] (blocking)" in blocked.stderr
    [step] = json.loads(blocked.stdout)["steps"]
    assert step["safety"] == "dangerous"

    allowed = _plan(current, desired, "--allow", "drop_column")
    assert allowed.returncode == 0, allowed.stderr
    assert "[drop_column] (allowed)" in allowed.stderr


def test_review_findings_are_reported_but_do_not_fail_validate(conn: Any, tmp_path: Path) -> None:
    current = _snapshot(conn, CURRENT, tmp_path / "current.json")
    desired = _snapshot(
        conn, CURRENT + "CREATE INDEX users_email ON users (email);", tmp_path / "desired.json"
    )
    result = _plan(current, desired, "--no-lock-safe")  # the plain CREATE INDEX is reviewed
    assert result.returncode == 0, result.stderr
    assert "[create_index_non_concurrent]" in result.stderr
    assert "CONCURRENTLY" in result.stderr  # the hint
