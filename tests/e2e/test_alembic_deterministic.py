"""The same schema and revision id give a byte-identical lockplane revision."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from pg_test_server import create_database, drop_database
from test_alembic_support import Project

pytestmark = pytest.mark.db

SCHEMA = "CREATE TABLE t (id bigint PRIMARY KEY, note text DEFAULT '50% :x');\n"


def test_two_projects_write_the_same_bytes(tmp_path: Path, pg_server: str) -> None:
    files = []
    for name in ("one", "two"):
        url = create_database(pg_server)
        try:
            project = Project.create(tmp_path / name, url, pg_server)
            project.write_schema(SCHEMA)
            project.alembic("revision", "--lockplane", "-m", "start", "--rev-id", "r1")
            (revision,) = project.revisions()
            files.append(revision.read_bytes())
        finally:
            drop_database(pg_server, url)
    assert files[0] == files[1]
    assert b"Create Date" not in files[0]
