"""``lock_timeout`` in Alembic revisions: with the setting, ``alembic upgrade`` gives up on a
step whose lock another session holds (instead of queueing every query on the table behind
it), and upgrades cleanly, autocommit steps included, once the lock is free."""

from __future__ import annotations

import time
from pathlib import Path

import psycopg2
import pytest
from alembic import command
from alembic.config import Config

from alembic_lockplane.db.url import libpq_dsn
from alembic_lockplane.integration import init_project, revision

pytestmark = pytest.mark.db

START = "CREATE TABLE t (id bigint NOT NULL, v text);\n"
LATER = START + "ALTER TABLE t ADD COLUMN w int;\nCREATE INDEX t_v_idx ON t (v);\n"


@pytest.fixture
def config(tmp_path: Path, db_url: str, pg_server: str, monkeypatch: pytest.MonkeyPatch) -> Config:
    ini = init_project(tmp_path / "proj")
    (tmp_path / "proj" / "schema.lp.sql").write_text(START, encoding="utf-8")
    monkeypatch.setenv("DATABASE_URL", db_url)
    monkeypatch.setenv("SHADOW_DATABASE_URL", pg_server)
    monkeypatch.delenv("LOCKPLANE_GUARD", raising=False)
    config = Config(str(ini))
    config.set_section_option("lockplane", "lock_timeout", "300ms")
    return config


def _rows(db_url: str, sql: str) -> list[tuple[object, ...]]:
    conn = psycopg2.connect(libpq_dsn(db_url))
    conn.autocommit = True
    try:
        with conn.cursor() as cur:
            cur.execute(sql)
            return cur.fetchall() if cur.description else []
    finally:
        conn.close()


def test_upgrade_gives_up_on_a_held_lock_then_runs(
    config: Config, tmp_path: Path, db_url: str
) -> None:
    revision(config, message="start", rev_id="0001")
    command.upgrade(config, "head")
    _rows(db_url, "INSERT INTO t SELECT g, g::text FROM generate_series(1, 100) g")
    (tmp_path / "proj" / "schema.lp.sql").write_text(LATER, encoding="utf-8")
    script = revision(config, message="more", rev_id="0002")
    text = Path(script.path).read_text("utf-8")
    assert "lp.execute(\"SET LOCAL lock_timeout = '300ms'\")" in text
    block = text[text.index("autocommit_block") :]
    assert block.index("SET lock_timeout = '300ms'") < block.index("CONCURRENTLY")
    assert block.index("CONCURRENTLY") < block.index('lp.execute("RESET lock_timeout")')

    holder = psycopg2.connect(libpq_dsn(db_url))
    try:
        with holder.cursor() as cur:
            cur.execute("SELECT count(*) FROM t")  # ACCESS SHARE until the transaction ends
        started = time.monotonic()
        with pytest.raises(Exception, match="lock timeout"):
            command.upgrade(config, "head")
        assert time.monotonic() - started < 60
    finally:
        holder.rollback()
        holder.close()
    assert _rows(db_url, "SELECT version_num FROM alembic_version") == [("0001",)]

    command.upgrade(config, "head")
    assert _rows(db_url, "SELECT count(*), count(w) FROM t") == [(100, 0)]
    assert _rows(db_url, "SELECT indisvalid FROM pg_index WHERE indexrelid = 't_v_idx'::regclass")[
        0
    ] == (True,)
    command.downgrade(config, "0001")
    assert _rows(db_url, "SELECT count(*) FROM pg_class WHERE relname = 't_v_idx'") == [(0,)]
