"""Shared by the Alembic end-to-end tests: a temporary project driven by the real ``alembic``.

(No tests here; the name only follows the tests/e2e/test_alembic*.py layout.)
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import psycopg2

from alembic_lockplane.db.url import libpq_dsn
from alembic_lockplane.integration.project import init_project

BIN = Path(sys.executable).parent
ALEMBIC = BIN / "alembic"


@dataclass
class Project:
    """An ``alembic init``-ed project (our template) pointed at a test database."""

    root: Path
    db_url: str
    shadow_url: str | None = None
    extra_env: dict[str, str] = field(default_factory=dict)

    @classmethod
    def create(cls, root: Path, db_url: str, shadow_url: str | None = None) -> Project:
        init_project(root)
        return cls(root, db_url, shadow_url)

    @property
    def versions(self) -> Path:
        return self.root / "migrations" / "versions"

    def revisions(self) -> list[Path]:
        return sorted(p for p in self.versions.glob("*.py"))

    def write_schema(self, sql: str) -> None:
        (self.root / "schema.lp.sql").write_text(sql, encoding="utf-8")

    def env(self) -> dict[str, str]:
        base = {
            k: v
            for k, v in os.environ.items()
            if k not in ("DATABASE_URL", "SHADOW_DATABASE_URL", "LOCKPLANE_GUARD")
        }
        base["DATABASE_URL"] = self.db_url
        if self.shadow_url:
            base["SHADOW_DATABASE_URL"] = self.shadow_url
        base.update(self.extra_env)
        return base

    def alembic(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        result = subprocess.run(
            [str(ALEMBIC), *args],
            cwd=self.root,
            env=self.env(),
            capture_output=True,
            text=True,
            timeout=300,
        )
        if check and result.returncode != 0:
            raise AssertionError(
                f"alembic {' '.join(args)} exited {result.returncode}\n"
                f"stdout:\n{result.stdout}\nstderr:\n{result.stderr}"
            )
        return result

    def query(self, sql: str) -> list[tuple[object, ...]]:
        conn = psycopg2.connect(libpq_dsn(self.db_url))
        try:
            with conn.cursor() as cur:
                cur.execute(sql)
                return list(cur.fetchall())
        finally:
            conn.close()

    def execute(self, sql: str) -> None:
        conn = psycopg2.connect(libpq_dsn(self.db_url))
        conn.autocommit = True
        try:
            with conn.cursor() as cur:
                cur.execute(sql)
        finally:
            conn.close()
