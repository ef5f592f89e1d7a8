"""Alembic revisions carry the lock-safe steps: non-transactional ones inside
``autocommit_block()``; ``alembic upgrade`` and ``downgrade`` run them on a real database."""

from __future__ import annotations

from pathlib import Path

import psycopg2
import pytest
from alembic import command
from alembic.config import Config

from alembic_lockplane.db.url import libpq_dsn
from alembic_lockplane.integration import init_project, revision

pytestmark = pytest.mark.db

START = (
    "CREATE TABLE orgs (id bigint PRIMARY KEY);\n"
    "CREATE TABLE users (id bigint NOT NULL, email text, org_id bigint REFERENCES orgs);\n"
)
LATER = (
    "CREATE TABLE orgs (id bigint PRIMARY KEY);\n"
    "CREATE TABLE users (id bigint NOT NULL, email text NOT NULL,"
    " org_id bigint REFERENCES orgs, CONSTRAINT users_pkey PRIMARY KEY (id),"
    " CONSTRAINT users_email_key UNIQUE (email));\n"
    "CREATE INDEX users_org_idx ON users (org_id);\n"
)


@pytest.fixture
def config(tmp_path: Path, db_url: str, pg_server: str, monkeypatch: pytest.MonkeyPatch) -> Config:
    ini = init_project(tmp_path / "proj")
    (tmp_path / "proj" / "schema.lp.sql").write_text(START, encoding="utf-8")
    monkeypatch.setenv("DATABASE_URL", db_url)
    monkeypatch.setenv("SHADOW_DATABASE_URL", pg_server)
    monkeypatch.delenv("LOCKPLANE_GUARD", raising=False)
    return Config(str(ini))


def _rows(db_url: str, sql: str) -> list[tuple[object, ...]]:
    conn = psycopg2.connect(libpq_dsn(db_url))
    conn.autocommit = True
    try:
        with conn.cursor() as cur:
            cur.execute(sql)
            return cur.fetchall() if cur.description else []
    finally:
        conn.close()


def test_revision_upgrades_and_downgrades_with_autocommit_blocks(
    config: Config, tmp_path: Path, db_url: str
) -> None:
    revision(config, message="start", rev_id="0001")
    command.upgrade(config, "head")
    _rows(db_url, "INSERT INTO orgs VALUES (1); INSERT INTO users VALUES (1, 'a', 1), (2, 'b', 1)")
    (tmp_path / "proj" / "schema.lp.sql").write_text(LATER, encoding="utf-8")
    script = revision(config, message="lock-safe", rev_id="0002")
    text = Path(script.path).read_text("utf-8")
    upgrade = text[text.index("def upgrade") : text.index("def downgrade")]
    assert upgrade.count("autocommit_block()") >= 4  # 2 index builds, 1 index, 1 VALIDATE
    assert "CREATE INDEX CONCURRENTLY users_org_idx" in upgrade
    assert "PRIMARY KEY USING INDEX users_pkey" in upgrade
    assert "VALIDATE CONSTRAINT lockplane_nn_" in upgrade

    command.upgrade(config, "head")
    assert _rows(
        db_url,
        "SELECT conname, contype FROM pg_constraint WHERE conrelid = 'users'::regclass"
        " AND contype IN ('p', 'u') ORDER BY 1",
    ) == [("users_email_key", "u"), ("users_pkey", "p")]
    assert _rows(db_url, "SELECT count(*) FROM users") == [(2,)]
    assert _rows(db_url, "SELECT count(*) FROM pg_index WHERE NOT indisvalid") == [(0,)]

    command.downgrade(config, "0001")
    assert _rows(
        db_url,
        "SELECT contype FROM pg_constraint WHERE conrelid = 'users'::regclass"
        " AND contype IN ('p', 'u', 'c', 'f') ORDER BY 1",
    ) == [("f",)]  # keys and the helper CHECK are gone, the foreign key stays
    assert _rows(db_url, "SELECT count(*) FROM pg_indexes WHERE tablename = 'users'") == [(0,)]
    assert _rows(
        db_url,
        "SELECT is_nullable FROM information_schema.columns"
        " WHERE table_name = 'users' AND column_name = 'email'",
    ) == [("YES",)]
