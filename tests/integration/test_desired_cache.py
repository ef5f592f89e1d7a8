"""The normalised desired schema is reused while its files and the shadow are unchanged.

A hit must give exactly what PostgreSQL gives for the same DDL, without running the static
pass or the shadow; any change to the files, the ``schemas`` filter or ``LOCKPLANE_NO_CACHE``
must send the load to the shadow again.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from alembic_lockplane.engine import introspect_url, load_desired
from alembic_lockplane.errors import SchemaSourceError
from alembic_lockplane.shadow import cache, load
from alembic_lockplane.source import Diagnostic, discover, read_source

SCHEMA = """\
CREATE TYPE mood AS ENUM ('ok', 'sad');
CREATE TABLE users (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email varchar(200) NOT NULL UNIQUE,
    mood mood DEFAULT 'ok',
    created timestamptz DEFAULT now(),
    CHECK (length(email) > 3)
);
CREATE INDEX users_lower_email_idx ON users (lower(email)) WHERE mood <> 'sad';
"""


@pytest.fixture
def shadow_loads(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[int]:
    """A private cache folder, and a list that grows by one at every real shadow load."""
    monkeypatch.setenv("LOCKPLANE_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv(cache.NO_CACHE_ENV, raising=False)
    calls: list[int] = []
    real = load.load_statements

    def counting(*args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        calls.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(load, "load_statements", counting)
    return calls


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "schema.lp.sql"
    path.write_text(text)
    return path


def test_warm_load_equals_postgres_and_skips_the_shadow(
    tmp_path: Path, shadow_loads: list[int], pg_server: str, conn, db_url: str
) -> None:
    path = _write(tmp_path, SCHEMA)
    cold = load_desired(path, shadow_url=pg_server, cwd=tmp_path)
    warm = load_desired(path, shadow_url=pg_server, cwd=tmp_path)
    assert shadow_loads == [1]
    with conn.cursor() as cur:
        cur.execute(SCHEMA)
    assert warm == cold == introspect_url(db_url)
    assert len(list((tmp_path / "cache" / "desired").glob("*.json"))) == 1


def test_changed_file_invalidates(tmp_path: Path, shadow_loads: list[int], pg_server: str) -> None:
    path = _write(tmp_path, SCHEMA)
    load_desired(path, shadow_url=pg_server, cwd=tmp_path)
    _write(tmp_path, SCHEMA.replace("created timestamptz", "created date"))
    changed = load_desired(path, shadow_url=pg_server, cwd=tmp_path)
    assert shadow_loads == [1, 1]
    users = changed.table("public", "users")
    assert users is not None
    assert [c.type for c in users.columns if c.name == "created"] == ["date"]


def test_schemas_filter_and_no_cache_setting_miss(
    tmp_path: Path, shadow_loads: list[int], pg_server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _write(tmp_path, "CREATE SCHEMA app;\nCREATE TABLE app.t (id int);\n" + SCHEMA)
    everything = load_desired(path, shadow_url=pg_server, cwd=tmp_path)
    only_app = load_desired(path, shadow_url=pg_server, cwd=tmp_path, schemas=["app"])
    assert shadow_loads == [1, 1]
    assert {t.schema for t in everything.tables} == {"app", "public"}
    assert {t.schema for t in only_app.tables} == {"app"}
    monkeypatch.setenv(cache.NO_CACHE_ENV, "1")
    load_desired(path, shadow_url=pg_server, cwd=tmp_path)
    assert shadow_loads == [1, 1, 1]


def test_warnings_are_replayed_and_strict_still_fails(
    tmp_path: Path, shadow_loads: list[int], pg_server: str
) -> None:
    path = _write(tmp_path, "CREATE TABLE IF NOT EXISTS t (id int);\n")
    seen: list[list[Diagnostic]] = [[], []]
    for k in range(2):
        load_desired(path, shadow_url=pg_server, cwd=tmp_path, on_warning=seen[k].append)
    assert shadow_loads == [1]
    assert [d.code for d in seen[1]] == ["if_not_exists"]
    assert seen[0] == seen[1]
    with pytest.raises(SchemaSourceError, match="IF NOT EXISTS"):
        load_desired(path, shadow_url=pg_server, cwd=tmp_path, strict=True)


def test_a_broken_entry_is_a_miss(tmp_path: Path, shadow_loads: list[int], pg_server: str) -> None:
    path = _write(tmp_path, SCHEMA)
    first = load_desired(path, shadow_url=pg_server, cwd=tmp_path)
    (entry,) = (tmp_path / "cache" / "desired").glob("*.json")
    entry.write_text('{"key": "')
    assert load_desired(path, shadow_url=pg_server, cwd=tmp_path) == first
    assert shadow_loads == [1, 1]


def test_digest_matches_the_static_pass(tmp_path: Path) -> None:
    folder = tmp_path / "schema"
    folder.mkdir()
    (folder / "01_types.lp.sql").write_text("CREATE TYPE mood AS ENUM ('ok');\n")
    (folder / "02_tables.lp.sql").write_text("CREATE TABLE t (m mood);\n")
    files = discover(folder, cwd=tmp_path, env={})
    assert cache.source_digest(files, tmp_path) == read_source(files, cwd=tmp_path).digest
    (folder / "02_tables.lp.sql").write_text("CREATE TABLE t (m mood, n int);\n")
    assert cache.source_digest(files, tmp_path) == read_source(files, cwd=tmp_path).digest
