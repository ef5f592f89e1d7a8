"""The ``manage_owners`` and ``manage_privileges`` settings: owners off and privileges on by
default, changed by the flags, lockplane.toml or the ``[lockplane]`` section of alembic.ini."""

from __future__ import annotations

from pathlib import Path

import pytest

from alembic_lockplane.errors import ConfigError
from alembic_lockplane.settings import Flags, resolve


def _project(tmp_path: Path, toml: str) -> Path:
    (tmp_path / ".git").mkdir(exist_ok=True)
    (tmp_path / "lockplane.toml").write_text(toml, encoding="utf-8")
    return tmp_path


def test_owners_are_not_managed_unless_asked(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    assert resolve(Flags(), {}, tmp_path).manage_owners is False


def test_the_flag_the_top_level_and_an_environment_section_turn_it_on(tmp_path: Path) -> None:
    assert resolve(Flags(manage_owners=True), {}, _project(tmp_path, "")).manage_owners
    top = resolve(Flags(), {}, _project(tmp_path, "manage_owners = true\n"))
    assert top.manage_owners and top.sources["manage_owners"] == "lockplane.toml"
    section = _project(
        tmp_path, "manage_owners = false\n[environments.prod]\nmanage_owners = true\n"
    )
    assert resolve(Flags(environment="prod"), {}, section).manage_owners
    assert not resolve(Flags(), {}, section).manage_owners


def test_alembic_ini_sets_both_as_the_alembic_integration_reads_them(tmp_path: Path) -> None:
    # the CLI in an Alembic project plans as `alembic revision --lockplane` does
    (tmp_path / ".git").mkdir()
    ini = tmp_path / "alembic.ini"
    ini.write_text(
        "[alembic]\n[lockplane]\nmanage_owners = true\nmanage_privileges = False\n",
        encoding="utf-8",
    )
    settings = resolve(Flags(), {}, tmp_path)
    assert settings.manage_owners and not settings.manage_privileges
    assert resolve(Flags(manage_privileges=True), {}, tmp_path).manage_privileges
    ini.write_text("[alembic]\n[lockplane]\nmanage_privileges = no\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"\[lockplane\]: manage_privileges must be true or"):
        resolve(Flags(), {}, tmp_path)


def test_privileges_are_managed_unless_turned_off(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    assert resolve(Flags(), {}, tmp_path).manage_privileges is True
    assert resolve(Flags(manage_privileges=False), {}, tmp_path).manage_privileges is False
    top = resolve(Flags(), {}, _project(tmp_path, "manage_privileges = false\n"))
    assert not top.manage_privileges and top.sources["manage_privileges"] == "lockplane.toml"
    section = _project(tmp_path, "[environments.prod]\nmanage_privileges = false\n")
    assert not resolve(Flags(environment="prod"), {}, section).manage_privileges
    assert resolve(Flags(), {}, section).manage_privileges
    with pytest.raises(ConfigError, match="manage_privileges must be true or false"):
        resolve(Flags(), {}, _project(tmp_path, "manage_privileges = 0\n"))


def test_a_string_in_lockplane_toml_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="manage_owners must be true or false"):
        resolve(Flags(), {}, _project(tmp_path, 'manage_owners = "yes"\n'))
    section = '[environments.prod]\nmanage_owners = "true"\n'
    with pytest.raises(ConfigError, match=r"\[environments\.prod\] manage_owners must be"):
        resolve(Flags(), {}, _project(tmp_path, section))
