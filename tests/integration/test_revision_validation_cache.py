"""``alembic revision --lockplane`` remembers a successful shadow validation.

Running the command again with the same current schema, desired schema, plan and shadow server
version must not build anything on the shadow; changing any of them, a broken cache entry or
``LOCKPLANE_NO_CACHE=1`` validates again.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from alembic.config import Config

from alembic_lockplane.integration import init_project, revision
from alembic_lockplane.shadow import cache, load, provider

pytestmark = pytest.mark.db

USERS = "CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);\n"
POSTS = USERS + "CREATE TABLE posts (id bigint PRIMARY KEY, title text);\n"


@pytest.fixture
def scratch_databases(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Grows by one entry per scratch database created on the shadow (by anything)."""
    created: list[str] = []
    real = provider.scratch_database

    @contextmanager
    def counting(shadow_url: str | None) -> Iterator[str]:
        with real(shadow_url) as url:
            created.append(url)
            yield url

    monkeypatch.setattr(provider, "scratch_database", counting)
    monkeypatch.setattr(load, "scratch_database", counting)
    return created


@pytest.fixture
def config(tmp_path: Path, db_url: str, pg_server: str, monkeypatch: pytest.MonkeyPatch) -> Config:
    ini = init_project(tmp_path / "proj")
    (tmp_path / "proj" / "schema.lp.sql").write_text(USERS, encoding="utf-8")
    monkeypatch.setenv("DATABASE_URL", db_url)
    monkeypatch.setenv("SHADOW_DATABASE_URL", pg_server)
    monkeypatch.setenv("LOCKPLANE_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("LOCKPLANE_GUARD", raising=False)
    monkeypatch.delenv(cache.NO_CACHE_ENV, raising=False)
    return Config(str(ini))


def write_and_remove(config: Config) -> str:
    """One revision; its file is removed again so the database stays at head."""
    script = revision(config, message="users", rev_id="0001")
    path = Path(script.path)
    text = path.read_text(encoding="utf-8")
    path.unlink()
    return text


def validated_entries(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / "cache" / "validated").glob("*.json"))


def test_unchanged_inputs_create_no_scratch_database_the_second_time(
    config: Config, scratch_databases: list[str], tmp_path: Path
) -> None:
    first = write_and_remove(config)
    assert len(scratch_databases) == 2  # desired-schema load + validation
    assert len(validated_entries(tmp_path)) == 1
    second = write_and_remove(config)
    assert len(scratch_databases) == 2
    assert second == first


def test_a_changed_desired_schema_validates_again(
    config: Config, scratch_databases: list[str], tmp_path: Path
) -> None:
    write_and_remove(config)
    (tmp_path / "proj" / "schema.lp.sql").write_text(POSTS, encoding="utf-8")
    text = write_and_remove(config)
    assert "CREATE TABLE public.posts" in text
    assert len(scratch_databases) == 4  # load + validation, twice
    assert len(validated_entries(tmp_path)) == 2


def test_another_shadow_server_version_validates_again(
    config: Config,
    scratch_databases: list[str],
    monkeypatch: pytest.MonkeyPatch,
    pg_server: str,
) -> None:
    write_and_remove(config)
    real = cache.shadow_version(pg_server)
    assert real is not None
    monkeypatch.setattr(cache, "shadow_version", lambda url: real + " (upgraded)")
    write_and_remove(config)
    # the desired-schema cache is keyed on the version too: load + validation again
    assert len(scratch_databases) == 4


def test_a_broken_entry_or_no_cache_validates_again(
    config: Config,
    scratch_databases: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    write_and_remove(config)
    (entry,) = validated_entries(tmp_path)
    entry.write_text('{"key": "x", "notes": [1', encoding="utf-8")
    write_and_remove(config)
    assert len(scratch_databases) == 3  # the desired schema still came from its cache
    monkeypatch.setenv(cache.NO_CACHE_ENV, "1")
    write_and_remove(config)
    assert len(scratch_databases) == 5
