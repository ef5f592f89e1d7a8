"""Lockplane settings of an Alembic project, the env.py helper, and init_project."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.config import Config

from alembic_lockplane.errors import ConfigError
from alembic_lockplane.integration.env import sqlalchemy_url, use_database_url
from alembic_lockplane.integration.project import init_project
from alembic_lockplane.integration.settings import Settings, load
from alembic_lockplane.plan.model import Safety


def ini(tmp_path: Path, text: str) -> Config:
    path = tmp_path / "alembic.ini"
    path.write_text("[alembic]\nscript_location = migrations\n" + text, encoding="utf-8")
    return Config(str(path), toml_file=str(tmp_path / "pyproject.toml"))


def test_defaults_without_any_settings(tmp_path: Path) -> None:
    settings = load(ini(tmp_path, ""), environ={})
    assert settings == Settings(base_dir=tmp_path)
    assert settings.blocking_level is Safety.DANGEROUS and settings.guard == "error"


def test_lockplane_section_of_alembic_ini(tmp_path: Path) -> None:
    config = ini(
        tmp_path,
        "[lockplane]\nschema_path = db/schema.lp.sql\nschemas = public, app\n"
        "blocking_level = review\nallow = drop_column drop_table\nguard = warn\n"
        "shadow_database_url = postgresql://shadow/db\n",
    )
    s = load(config, environ={})
    assert s.schema_path == tmp_path / "db" / "schema.lp.sql"
    assert s.schemas == ("public", "app")
    assert s.blocking_level is Safety.REVIEW
    assert s.allow == ("drop_column", "drop_table")
    assert s.guard == "warn"
    assert s.shadow_url == "postgresql://shadow/db"


def test_prefixed_keys_in_the_alembic_section(tmp_path: Path) -> None:
    s = load(ini(tmp_path, "lockplane.guard = off\nlockplane.schemas = app\n"), environ={})
    assert s.guard == "off" and s.schemas == ("app",)


def test_pyproject_tool_lockplane_and_ini_wins(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.lockplane]\nschema_path = "schema"\nschemas = ["public"]\nguard = "warn"\n'
        'plan_files = true\ncurrent = "snap/current.json"\n'
        '[tool.alembic.lockplane]\nallow = ["drop_table"]\n',
        encoding="utf-8",
    )
    s = load(ini(tmp_path, "[lockplane]\nguard = off\n"), environ={})
    assert s.schema_path == tmp_path / "schema"
    assert s.schemas == ("public",)
    assert s.allow == ("drop_table",)
    assert s.guard == "off"
    assert s.plan_files is True
    assert s.current == "snap/current.json"


def test_environment_wins_over_files(tmp_path: Path) -> None:
    config = ini(tmp_path, "[lockplane]\nshadow_database_url = postgresql://ini/db\nguard = warn\n")
    env = {"SHADOW_DATABASE_URL": "postgresql://env/db", "LOCKPLANE_GUARD": "off"}
    s = load(config, environ=env)
    assert s.shadow_url == "postgresql://env/db" and s.guard == "off"


def test_unknown_key_and_bad_values_are_named(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="unknown lockplane setting 'shema_path'"):
        load(ini(tmp_path, "[lockplane]\nshema_path = x\n"), environ={})
    with pytest.raises(ConfigError, match="'scary' is not one of safe, review, lossy, dangerous"):
        load(ini(tmp_path, "[lockplane]\nblocking_level = scary\n"), environ={})
    with pytest.raises(ConfigError, match="not one of error, warn, off"):
        load(ini(tmp_path, "[lockplane]\nguard = maybe\n"), environ={})


def test_database_url_replaces_sqlalchemy_url_with_a_psycopg2_driver(tmp_path: Path) -> None:
    config = ini(tmp_path, "sqlalchemy.url = postgresql+psycopg2://ini/db\n")
    url = use_database_url(config, environ={"DATABASE_URL": "postgres://u:p%40ss@h/db"})
    assert url == "postgresql+psycopg2://u:p%40ss@h/db"
    assert config.get_main_option("sqlalchemy.url") == "postgresql+psycopg2://u:p%40ss@h/db"


def test_without_database_url_the_ini_url_stays_and_gets_a_driver(tmp_path: Path) -> None:
    config = ini(tmp_path, "sqlalchemy.url = postgresql://ini/db\n")
    assert use_database_url(config, environ={}) == "postgresql+psycopg2://ini/db"
    assert sqlalchemy_url("postgresql+psycopg://x/y") == "postgresql+psycopg://x/y"


def test_init_project_lays_out_a_ready_project(tmp_path: Path) -> None:
    ini_path = init_project(tmp_path / "app")
    root = tmp_path / "app"
    assert ini_path == root / "alembic.ini"
    for name in ("schema.lp.sql", "migrations/env.py", "migrations/script.py.mako"):
        assert (root / name).is_file(), name
    assert (root / "migrations" / "versions").is_dir()
    config = Config(str(ini_path))
    assert config.get_main_option("script_location") == f"{root}/migrations"
    s = load(config, environ={})
    assert s.schema_path == root / "schema.lp.sql" and s.schemas == ("public",)
    with pytest.raises(ConfigError, match="already exists"):
        init_project(root)


@pytest.mark.parametrize(
    ("value", "expected"), [("5s", "5s"), ("750ms", "750ms"), ("1min", "1min"), ("0", None)]
)
def test_lock_timeout_setting(tmp_path: Path, value: str, expected: str | None) -> None:
    config = ini(tmp_path, f"[lockplane]\nlock_timeout = {value}\n")
    assert load(config, environ={}).lock_timeout == expected


def test_lock_timeout_must_be_a_duration(tmp_path: Path) -> None:
    config = ini(tmp_path, "[lockplane]\nlock_timeout = 5s'; DROP TABLE x; --\n")
    with pytest.raises(ConfigError, match=r"lock_timeout .* is not a duration"):
        load(config, environ={})


def test_manage_owners_and_manage_privileges_in_ini_and_pyproject(tmp_path: Path) -> None:
    assert load(ini(tmp_path, ""), environ={}).manage_privileges is True
    s = load(
        ini(tmp_path, "[lockplane]\nmanage_owners = true\nmanage_privileges = false\n"),
        environ={},
    )
    assert s.manage_owners is True and s.manage_privileges is False
    (tmp_path / "pyproject.toml").write_text(
        "[tool.lockplane]\nmanage_owners = true\nmanage_privileges = false\n", encoding="utf-8"
    )
    s = load(ini(tmp_path, ""), environ={})
    assert s.manage_owners is True and s.manage_privileges is False
    with pytest.raises(ConfigError, match="'maybe' is not one of true, false"):
        load(ini(tmp_path, "[lockplane]\nmanage_privileges = maybe\n"), environ={})
