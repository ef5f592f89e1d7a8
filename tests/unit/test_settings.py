"""Settings resolution order: flags, environment, lockplane.toml (+ .env.<name>), alembic.ini."""

from __future__ import annotations

from pathlib import Path

import pytest

from alembic_lockplane.errors import ConfigError
from alembic_lockplane.settings import Flags, require_database_url, resolve

TOML = """
default_environment = "local"
schema_path = "db/schema.lp.sql"

[environments.local]
database_url = "postgresql://u@localhost/local"
schemas = ["app", "public"]

[environments.prod]
shadow_database_url = "postgresql://u@shadow/prod"
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir()
    (tmp_path / "lockplane.toml").write_text(TOML)
    sub = tmp_path / "src" / "deep"
    sub.mkdir(parents=True)
    return sub


def test_flags_beat_environment_beat_config(project: Path) -> None:
    env = {"DATABASE_URL": "postgresql://u@env/db"}
    s = resolve(Flags(database_url="postgresql://u@flag/db"), env, project)
    assert s.database_url == "postgresql://u@flag/db"
    assert resolve(Flags(), env, project).database_url == "postgresql://u@env/db"
    s = resolve(Flags(), {}, project)
    assert s.database_url == "postgresql://u@localhost/local"
    assert s.sources["database_url"].startswith("lockplane.toml")


def test_config_is_found_walking_up_and_paths_are_relative_to_it(project: Path) -> None:
    s = resolve(Flags(), {}, project)
    assert s.config_file == project.parent.parent / "lockplane.toml"
    assert s.schema_path == project.parent.parent / "db" / "schema.lp.sql"
    assert s.schemas == ("app", "public")


def test_walk_stops_at_the_git_root(tmp_path: Path) -> None:
    (tmp_path / "lockplane.toml").write_text(TOML)
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    assert resolve(Flags(), {}, repo).config_file is None


def test_environment_dotenv_fills_what_the_section_lacks(project: Path) -> None:
    root = project.parent.parent
    (root / ".env.prod").write_text(
        "# prod\nPOSTGRES_URL=postgresql://u@pg/fallback\nDATABASE_URL='postgresql://u@db/prod'\n"
    )
    s = resolve(Flags(environment="prod"), {}, project)
    assert s.database_url == "postgresql://u@db/prod"
    assert s.shadow_database_url == "postgresql://u@shadow/prod"


def test_unknown_environment_is_a_clear_error(project: Path) -> None:
    with pytest.raises(ConfigError, match=r"no \[environments.staging\]"):
        resolve(Flags(environment="staging"), {}, project)


def test_alembic_ini_url_is_the_last_resort(tmp_path: Path) -> None:
    (tmp_path / "alembic.ini").write_text(
        "[alembic]\nsqlalchemy.url = postgresql://u@ini/db\n[lockplane]\nschemas = app, audit\n"
    )
    s = resolve(Flags(), {}, tmp_path)
    assert s.database_url == "postgresql://u@ini/db"
    assert s.schemas == ("app", "audit")
    assert resolve(Flags(), {"DATABASE_URL": "postgresql://e/x"}, tmp_path).database_url == (
        "postgresql://e/x"
    )


def test_no_url_anywhere_is_never_guessed(tmp_path: Path) -> None:
    s = resolve(Flags(), {}, tmp_path)
    assert s.database_url is None
    with pytest.raises(ConfigError, match="no database given"):
        require_database_url(s)
