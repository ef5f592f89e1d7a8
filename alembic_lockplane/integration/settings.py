"""Lockplane settings of an Alembic project.

Read, first found wins per key: environment (``SHADOW_DATABASE_URL``, ``LOCKPLANE_GUARD``),
then ``alembic.ini`` (a ``[lockplane]`` section, or ``lockplane.<key>`` keys in the Alembic
section), then ``pyproject.toml`` (``[tool.lockplane]``, or a ``lockplane`` table inside
``[tool.alembic]``). A relative ``schema_path`` is relative to the file that set it.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, cast

from alembic.config import Config

from alembic_lockplane.errors import ConfigError
from alembic_lockplane.plan.model import Safety

GuardMode = Literal["error", "warn", "off"]
GUARD_MODES: tuple[GuardMode, ...] = ("error", "warn", "off")
CURRENT_SOURCES = ("database", "replay")

KEYS = (
    "schema_path",
    "schemas",
    "current",
    "shadow_database_url",
    "blocking_level",
    "allow",
    "guard",
    "plan_files",
    "snapshot_path",
    "lock_safe",
    "lock_timeout",
    "manage_owners",
    "manage_privileges",
)
_ALIASES = {"shadow_url": "shadow_database_url", "schema": "schema_path"}


@dataclass(frozen=True)
class Settings:
    schema_path: Path | None = None
    schemas: tuple[str, ...] | None = None
    current: str = "database"
    shadow_url: str | None = None
    blocking_level: Safety = Safety.DANGEROUS
    allow: tuple[str, ...] = ()
    guard: GuardMode = "error"
    plan_files: bool = False
    snapshot_path: Path | None = None
    base_dir: Path = Path(".")
    #: lock-safe strategies on existing tables: True (all), False, or the names to use
    lock_safe: bool | frozenset[str] = True
    #: ``SET lock_timeout`` before every step of a revision (e.g. ``5s``); None: not set
    lock_timeout: str | None = None
    #: compare and plan owners (``ALTER ... OWNER TO``), as ``lockplane --owners``
    manage_owners: bool = False
    #: compare and plan privileges (``GRANT``/``REVOKE``); false leaves them out of both sides
    manage_privileges: bool = True


def load(config: Config, environ: Mapping[str, str] | None = None) -> Settings:
    """The settings for ``config`` (an Alembic ``Config``)."""
    env = os.environ if environ is None else environ
    raw: dict[str, tuple[Any, Path, str]] = {}
    base_dir = _config_dir(config)
    for values, where, origin in (*_from_toml(config), *_from_ini(config)):
        for key, value in values.items():
            name = _ALIASES.get(key.replace("-", "_"), key.replace("-", "_"))
            if name not in KEYS:
                raise ConfigError(
                    f"unknown lockplane setting {key!r} in {origin}",
                    hint="known settings: " + ", ".join(KEYS),
                )
            raw[name] = (value, where, origin)
    if env.get("SHADOW_DATABASE_URL"):
        raw["shadow_database_url"] = (env["SHADOW_DATABASE_URL"], base_dir, "SHADOW_DATABASE_URL")
    if env.get("LOCKPLANE_GUARD"):
        raw["guard"] = (env["LOCKPLANE_GUARD"], base_dir, "LOCKPLANE_GUARD")

    kwargs: dict[str, Any] = {"base_dir": base_dir}
    if "schema_path" in raw:
        value, where, _ = raw["schema_path"]
        kwargs["schema_path"] = where / Path(str(value).strip())
    if "schemas" in raw:
        kwargs["schemas"] = _list(raw["schemas"][0]) or None
    if "current" in raw:
        value, where, _ = raw["current"]
        text = str(value).strip()
        # database, replay, or the path of a JSON snapshot (kept relative to base_dir)
        kwargs["current"] = (
            text.lower()
            if text.lower() in CURRENT_SOURCES
            else os.path.relpath(where / text, base_dir)
        )
    if "shadow_database_url" in raw:
        kwargs["shadow_url"] = str(raw["shadow_database_url"][0]).strip() or None
    if "blocking_level" in raw:
        level = _choice(raw["blocking_level"], tuple(s.value for s in Safety))
        kwargs["blocking_level"] = Safety(level)
    if "allow" in raw:
        kwargs["allow"] = _list(raw["allow"][0])
    if "guard" in raw:
        kwargs["guard"] = cast(GuardMode, _choice(raw["guard"], GUARD_MODES))
    if "snapshot_path" in raw:
        value, where, _ = raw["snapshot_path"]
        text = str(value).strip()
        kwargs["snapshot_path"] = where / text if text else None
    if "plan_files" in raw:
        kwargs["plan_files"] = _choice(raw["plan_files"], ("true", "false")) == "true"
    if "lock_safe" in raw:
        kwargs["lock_safe"] = _lock_safe(raw["lock_safe"])
    if "lock_timeout" in raw:
        kwargs["lock_timeout"] = _duration(raw["lock_timeout"])
    for key in ("manage_owners", "manage_privileges"):
        if key in raw:
            kwargs[key] = _choice(raw[key], ("true", "false")) == "true"
    return Settings(**kwargs)


def _lock_safe(entry: tuple[Any, Path, str]) -> bool | frozenset[str]:
    """``true`` / ``false``, or a list of strategy names (``render/strategies/names.py``)."""
    from alembic_lockplane.render.strategies.names import resolve_strategies

    value, _, origin = entry
    if isinstance(value, bool) or str(value).strip().lower() in ("true", "false"):
        return value if isinstance(value, bool) else str(value).strip().lower() == "true"
    try:
        return resolve_strategies(_list(value))
    except ConfigError as exc:
        raise ConfigError(f"{exc.message} in {origin} (lock_safe)", hint=exc.hint) from None


_DURATION = re.compile(r"^\d+(?:\.\d+)?\s*(?:us|ms|s|min|h|d)?$")


def _duration(entry: tuple[Any, Path, str]) -> str | None:
    """A PostgreSQL duration (``500ms``, ``5s``, ``1min``; a bare number is milliseconds);
    empty or ``0`` turns the setting off."""
    value, _, origin = entry
    text = str(value).strip()
    if not text or text == "0":
        return None
    if not _DURATION.match(text):
        raise ConfigError(
            f"{origin}: lock_timeout {text!r} is not a duration",
            hint="write e.g. 5s, 500ms or 1min",
        )
    return text


def _config_dir(config: Config) -> Path:
    for name in (config.config_file_name, config.toml_file_name):
        if name and Path(name).exists():
            return Path(name).absolute().parent
    return Path.cwd()


def _from_ini(config: Config) -> list[tuple[dict[str, Any], Path, str]]:
    name = config.config_file_name
    if not name or not Path(name).exists():
        return []
    where = Path(name).absolute().parent
    found: list[tuple[dict[str, Any], Path, str]] = []
    main = config.get_section(config.config_ini_section) or {}
    prefixed = {k[len("lockplane.") :]: v for k, v in main.items() if k.startswith("lockplane.")}
    if prefixed:
        found.append((prefixed, where, f"{name} [{config.config_ini_section}]"))
    section = config.get_section("lockplane")
    if section:
        own = {k: v for k, v in section.items() if k != "here"}
        found.append((own, where, f"{name} [lockplane]"))
    return found


def _from_toml(config: Config) -> list[tuple[dict[str, Any], Path, str]]:
    name = config.toml_file_name
    if not name or not Path(name).exists():
        return []
    path = Path(name)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"cannot read {path}: {exc}") from None
    tool = data.get("tool", {})
    found: list[tuple[dict[str, Any], Path, str]] = []
    nested = tool.get("alembic", {}).get("lockplane")
    if isinstance(nested, dict):
        found.append((nested, path.absolute().parent, f"{path} [tool.alembic.lockplane]"))
    own = tool.get("lockplane")
    if isinstance(own, dict):
        found.append((own, path.absolute().parent, f"{path} [tool.lockplane]"))
    return found


def _list(value: Any) -> tuple[str, ...]:
    if isinstance(value, list | tuple):
        return tuple(str(v).strip() for v in value if str(v).strip())
    return tuple(v for v in re.split(r"[\s,]+", str(value)) if v)


def _choice(entry: tuple[Any, Path, str], allowed: tuple[str, ...]) -> str:
    value, _, origin = entry
    text = str(value).strip().lower()
    if isinstance(value, bool):
        text = "true" if value else "false"
    if text not in allowed:
        raise ConfigError(
            f"{origin}: {value!r} is not one of {', '.join(allowed)}",
        )
    return text
