"""Finding the desired-schema files: explicit paths, folders, auto-detection, clear errors."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from alembic_lockplane.errors import ConfigError, SchemaSourceError
from alembic_lockplane.source import discover


def touch(path: Path, text: str = "SELECT 1;") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_lp_sql_file_any_case(tmp_path: Path) -> None:
    f = touch(tmp_path / "Schema.LP.SQL")
    assert discover(Path("Schema.LP.SQL"), cwd=tmp_path, env={}) == [f]


def test_plain_sql_file_accepted_when_explicit(tmp_path: Path) -> None:
    f = touch(tmp_path / "legacy.sql")
    assert discover(f, cwd=tmp_path, env={}) == [f]


def test_other_file_is_rejected_with_hint(tmp_path: Path) -> None:
    touch(tmp_path / "schema.json", "{}")
    with pytest.raises(SchemaSourceError) as err:
        discover(Path("schema.json"), cwd=tmp_path, env={})
    assert "schema.json" in err.value.message
    assert err.value.hint


def test_folder_reads_top_level_lp_sql_in_byte_order(tmp_path: Path) -> None:
    d = tmp_path / "schema"
    for name in ["b.lp.sql", "B.lp.sql", "a.lp.sql", "_x.LP.sql", "10_z.lp.sql", "2_y.lp.sql"]:
        touch(d / name)
    touch(d / "notes.sql")
    touch(d / "readme.md")
    touch(d / ".#a.lp.sql")  # editor lock file
    touch(d / "sub" / "c.lp.sql")
    (d / "dir.lp.sql").mkdir()
    found = [p.name for p in discover(Path("schema"), cwd=tmp_path, env={})]
    # byte order: digits < upper case < '_' < lower case; not locale or natural order
    assert found == ["10_z.lp.sql", "2_y.lp.sql", "B.lp.sql", "_x.LP.sql", "a.lp.sql", "b.lp.sql"]


def test_empty_folder_is_an_error_naming_plain_sql_files(tmp_path: Path) -> None:
    touch(tmp_path / "schema" / "users.sql")
    with pytest.raises(SchemaSourceError) as err:
        discover(Path("schema"), cwd=tmp_path, env={})
    assert "no .lp.sql files" in err.value.message
    assert err.value.hint is not None and "users.sql" in err.value.hint


def test_missing_path_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(SchemaSourceError) as err:
        discover(Path("nope.lp.sql"), cwd=tmp_path, env={})
    assert "not found: nope.lp.sql" in err.value.message
    assert err.value.hint


def test_auto_detect_prefers_env_then_file_then_folder(tmp_path: Path) -> None:
    folder_file = touch(tmp_path / "schema" / "a.lp.sql")
    assert discover(None, cwd=tmp_path, env={}) == [folder_file]
    single = touch(tmp_path / "schema.lp.sql")
    assert discover(None, cwd=tmp_path, env={}) == [single]
    custom = touch(tmp_path / "db" / "main.lp.sql")
    env = {"LOCKPLANE_SCHEMA_DIR": os.pathsep.join(["missing", "db"])}
    assert discover(None, cwd=tmp_path, env=env) == [custom]


def test_auto_detect_env_absolute_entry(tmp_path: Path) -> None:
    custom = touch(tmp_path / "elsewhere" / "x.lp.sql")
    env = {"LOCKPLANE_SCHEMA_DIR": str(tmp_path / "elsewhere")}
    assert discover(None, cwd=tmp_path / "nowhere", env=env) == [custom]


def test_auto_detect_nothing_found_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as err:
        discover(None, cwd=tmp_path, env={"LOCKPLANE_SCHEMA_DIR": "db"})
    assert "no desired schema found" in err.value.message
    assert "db" in err.value.message
    assert err.value.hint is not None and "LOCKPLANE_SCHEMA_DIR" in err.value.hint


def test_auto_detected_empty_schema_folder_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "schema").mkdir()
    with pytest.raises(SchemaSourceError):
        discover(None, cwd=tmp_path, env={})
