"""The Python API in-process: ``revision()``, replaying the chain, ``check()``, and the
``replay`` and snapshot sources of "current" (no live database needed)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from alembic.util import CommandError

from alembic_lockplane.db.connect import connect
from alembic_lockplane.integration import init_project, revision
from alembic_lockplane.integration.check import check
from alembic_lockplane.introspect import introspect
from alembic_lockplane.model.serde import schema_to_json

pytestmark = pytest.mark.db

USERS = "CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);\n"
POSTS = USERS + "CREATE TABLE posts (id bigint PRIMARY KEY, title text DEFAULT '5% :x');\n"


@pytest.fixture
def config(tmp_path: Path, db_url: str, pg_server: str, monkeypatch: pytest.MonkeyPatch) -> Config:
    ini = init_project(tmp_path / "proj")
    (tmp_path / "proj" / "schema.lp.sql").write_text(USERS, encoding="utf-8")
    monkeypatch.setenv("DATABASE_URL", db_url)
    monkeypatch.setenv("SHADOW_DATABASE_URL", pg_server)
    monkeypatch.delenv("LOCKPLANE_GUARD", raising=False)
    return Config(str(ini))


def set_lockplane(config: Config, key: str, value: str) -> None:
    path = Path(str(config.config_file_name))
    text = path.read_text(encoding="utf-8")
    line = re.compile(rf"^{key} =.*$", re.MULTILINE)
    if line.search(text):
        text = line.sub(f"{key} = {value}", text)
    else:
        text = text.replace("[lockplane]\n", f"[lockplane]\n{key} = {value}\n")
    path.write_text(text, encoding="utf-8")


def versions(config: Config) -> list[Path]:
    return sorted((Path(str(config.config_file_name)).parent / "migrations/versions").glob("*.py"))


def test_python_api_writes_a_revision_and_returns_the_script(config: Config) -> None:
    script = revision(config, message="users", rev_id="0001")
    assert script.revision == "0001"
    assert Path(script.path).name == "0001_users.py"


def test_check_is_empty_when_revisions_cover_the_schema_and_names_what_is_missing(
    config: Config, tmp_path: Path
) -> None:
    revision(config, message="users", rev_id="0001")
    assert check(config).steps == ()
    assert check(config, roundtrip=True).steps == ()
    (tmp_path / "proj" / "schema.lp.sql").write_text(POSTS, encoding="utf-8")
    missing = check(config)
    assert [s.description for s in missing.steps] == ["Create table posts"]


def test_replay_source_needs_no_live_database(
    config: Config, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, db_url: str
) -> None:
    set_lockplane(config, "current", "replay")
    config = Config(str(config.config_file_name))
    monkeypatch.setenv("DATABASE_URL", "postgresql://nobody@127.0.0.1:1/nowhere")
    revision(config, message="users", rev_id="0001")
    (tmp_path / "proj" / "schema.lp.sql").write_text(POSTS, encoding="utf-8")
    revision(config, message="posts", rev_id="0002")
    assert [p.name for p in versions(config)] == ["0001_users.py", "0002_posts.py"]
    assert revision(config, message="nothing") == []
    monkeypatch.setenv("DATABASE_URL", db_url)
    command.upgrade(config, "head")
    conn = connect(db_url)
    try:
        assert {t.name for t in introspect(conn, ["public"]).tables} == {"users", "posts"}
    finally:
        conn.close()


def test_snapshot_source_plans_from_current_json(
    config: Config, tmp_path: Path, db_url: str
) -> None:
    revision(config, message="users", rev_id="0001")
    command.upgrade(config, "head")
    conn = connect(db_url)
    try:
        (tmp_path / "proj" / "current.json").write_text(
            schema_to_json(introspect(conn, ["public"])), encoding="utf-8"
        )
    finally:
        conn.close()
    set_lockplane(config, "current", "current.json")
    config = Config(str(config.config_file_name))
    (tmp_path / "proj" / "schema.lp.sql").write_text(POSTS, encoding="utf-8")
    script = revision(config, message="posts", rev_id="0002")
    assert "CREATE TABLE public.posts" in Path(script.path).read_text(encoding="utf-8")


def test_database_source_refuses_when_not_at_head(config: Config) -> None:
    revision(config, message="users", rev_id="0001")
    with pytest.raises(CommandError, match=r"^Target database is not up to date\.$"):
        revision(config, message="again")


def test_plan_files_beside_the_revision(config: Config) -> None:
    import json

    set_lockplane(config, "plan_files", "true")
    config = Config(str(config.config_file_name))
    script = revision(config, message="users", rev_id="0001")
    folder = Path(script.path).parent
    forward = json.loads((folder / "0001_users.migration.json").read_text(encoding="utf-8"))
    backward = json.loads((folder / "0001_users.rollback.json").read_text(encoding="utf-8"))
    source = Path(script.path).read_text(encoding="utf-8")
    assert f"source_hash = '{forward['source_hash']}'" in source
    assert [s["description"] for s in forward["steps"]] == ["Create table users"]
    assert backward["source_hash"] == forward["target_hash"]
    assert backward["steps"][0]["sql"] == ["DROP TABLE public.users"]
    # Alembic still sees exactly one revision.
    assert [p.name for p in versions(config)] == ["0001_users.py"]


def test_snapshot_is_refreshed_after_upgrade_and_downgrade(config: Config, tmp_path: Path) -> None:
    from alembic_lockplane.engine import load_snapshot
    from alembic_lockplane.model.serde import canonical_hash

    set_lockplane(config, "snapshot_path", "current.json")
    config = Config(str(config.config_file_name))
    script = revision(config, message="users", rev_id="0001")
    source = Path(script.path).read_text(encoding="utf-8")
    snapshot = tmp_path / "proj" / "current.json"
    command.upgrade(config, "head")
    after = canonical_hash(load_snapshot(snapshot))
    assert f"target_hash = '{after}'" in source
    command.downgrade(config, "base")
    before = canonical_hash(load_snapshot(snapshot))
    assert f"source_hash = '{before}'" in source


def test_blocking_level_and_allow_from_the_settings(config: Config, tmp_path: Path) -> None:
    revision(config, message="users", rev_id="0001")
    command.upgrade(config, "head")
    (tmp_path / "proj" / "schema.lp.sql").write_text(
        USERS + "CREATE INDEX users_email_idx ON users (email);\n", encoding="utf-8"
    )
    set_lockplane(config, "blocking_level", "review")
    set_lockplane(config, "lock_safe", "false")  # the plain CREATE INDEX, which is reviewed
    config = Config(str(config.config_file_name))
    with pytest.raises(CommandError, match="--allow create_index_non_concurrent"):
        revision(config, message="index", rev_id="0002")
    assert len(versions(config)) == 1
    set_lockplane(config, "allow", "create_index_non_concurrent")
    config = Config(str(config.config_file_name))
    script = revision(config, message="index", rev_id="0002")
    assert "[review] Create index users_email_idx" in Path(script.path).read_text("utf-8")
