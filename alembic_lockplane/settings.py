"""Where settings come from, first wins: flags, environment, ``lockplane.toml`` (+ ``.env.<name>``),
the Alembic project's ``alembic.ini``, defaults. Never a guessed localhost URL.
"""

from __future__ import annotations

import configparser
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from alembic_lockplane.errors import ConfigError

CONFIG_FILE = "lockplane.toml"


@dataclass(frozen=True)
class Settings:
    database_url: str | None = None
    shadow_database_url: str | None = None
    shadow_schema: str | None = None
    schema_path: Path | None = None
    schemas: tuple[str, ...] = ()
    environment: str | None = None
    config_file: Path | None = None
    manage_owners: bool = False
    manage_privileges: bool = True
    sources: Mapping[str, str] = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class Flags:
    """The command-line values that take part in resolution (None = not given)."""

    database_url: str | None = None
    shadow_database_url: str | None = None
    shadow_schema: str | None = None
    schema_path: str | None = None
    schemas: tuple[str, ...] = ()
    environment: str | None = None
    manage_owners: bool | None = None
    manage_privileges: bool | None = None


_BOOL_KEYS = ("manage_owners", "manage_privileges")


def find_config(cwd: Path) -> Path | None:
    """``lockplane.toml`` in ``cwd`` or a parent, stopping at the folder that holds ``.git``."""
    for folder in (cwd, *cwd.parents):
        candidate = folder / CONFIG_FILE
        if candidate.is_file():
            return candidate
        if (folder / ".git").exists():
            return None
    return None


def read_dotenv(path: Path) -> dict[str, str]:
    values: dict[str, str] = {}
    if not path.is_file():
        return values
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not UTF-8 text", hint="save the file as UTF-8") from None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, _, value = line.removeprefix("export ").partition("=")
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        values[key.strip()] = value
    return values


def _load_toml(path: Path) -> dict[str, Any]:
    try:
        config = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not UTF-8 text", hint="save the file as UTF-8") from None
    _check_types(config, path)
    return config


_TEXT_KEYS = ("database_url", "shadow_database_url", "shadow_schema", "schema_path")


def _check_types(config: dict[str, Any], path: Path) -> None:
    """Wrong value types are a ``ConfigError`` naming the key, not a crash later on."""

    def text(table: dict[str, Any], keys: tuple[str, ...], where: str) -> None:
        for key in keys:
            if key in table and not isinstance(table[key], str):
                raise ConfigError(f"{path}: {where}{key} must be a string")

    text(config, ("schema_path", "default_environment"), "")
    envs = config.get("environments", {})
    if not isinstance(envs, dict) or not all(isinstance(v, dict) for v in envs.values()):
        raise ConfigError(f"{path}: environments must be tables: [environments.NAME]")
    for name, section in envs.items():
        text(section, _TEXT_KEYS, f"[environments.{name}] ")
    tables = [("", config)] + [(f"[environments.{n}] ", v) for n, v in envs.items()]
    for where, table in tables:
        for key in _BOOL_KEYS:
            if key in table and not isinstance(table[key], bool):
                raise ConfigError(f"{path}: {where}{key} must be true or false")


def _alembic_ini(cwd: Path) -> dict[str, Any]:
    """``sqlalchemy.url`` and the ``[lockplane]`` keys of an ``alembic.ini`` in ``cwd``."""
    ini = cwd / "alembic.ini"
    if not ini.is_file():
        return {}
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read(ini, encoding="utf-8")
    except configparser.Error as exc:
        raise ConfigError(_ini_problem(ini, exc)) from None
    except UnicodeDecodeError:
        raise ConfigError(f"{ini}: not UTF-8 text", hint="save the file as UTF-8") from None
    found: dict[str, Any] = {}
    url = parser.get("alembic", "sqlalchemy.url", fallback="").strip()
    if url and "%(" not in url:
        found["database_url"] = url
    if parser.has_section("lockplane"):
        for key in ("schema_path", "schemas", "shadow_database_url"):
            value = parser.get("lockplane", key, fallback="").strip()
            if value:
                found[key] = value
        for key in _BOOL_KEYS:
            value = parser.get("lockplane", key, fallback="").strip().lower()
            if value in ("true", "false"):
                found[key] = value == "true"
            elif value:
                raise ConfigError(f"{ini} [lockplane]: {key} must be true or false")
    return found


def _ini_problem(ini: Path, exc: configparser.Error) -> str:
    """One line, without the offending line's text (it may hold a password)."""
    line = getattr(exc, "lineno", None)
    if isinstance(exc, configparser.MissingSectionHeaderError):
        return f"{ini}:{line}: a setting before the first [section] header"
    if isinstance(exc, configparser.ParsingError) and exc.errors:
        return f"{ini}:{exc.errors[0][0]}: not a `key = value` line"
    first = (str(exc).splitlines() or [type(exc).__name__])[0]
    return f"{ini}:{line}: {first}" if line else f"{ini}: {first}"


def _as_schemas(value: Any, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        return tuple(s.strip() for s in value.split(",") if s.strip())
    if isinstance(value, list | tuple) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise ConfigError(f"{where}: `schemas` must be a list of schema names")


def resolve(flags: Flags, env: Mapping[str, str], cwd: Path) -> Settings:
    layers: list[tuple[str, dict[str, Any]]] = []
    flag_values = {
        "database_url": flags.database_url,
        "shadow_database_url": flags.shadow_database_url,
        "shadow_schema": flags.shadow_schema,
        "schema_path": flags.schema_path,
        "schemas": flags.schemas or None,
        "manage_owners": flags.manage_owners,
        "manage_privileges": flags.manage_privileges,
    }
    layers.append(("flag", flag_values))
    layers.append(
        (
            "environment",
            {
                "database_url": env.get("DATABASE_URL"),
                "shadow_database_url": env.get("SHADOW_DATABASE_URL"),
                "shadow_schema": env.get("SHADOW_SCHEMA"),
            },
        )
    )

    config_file = find_config(cwd)
    environment = flags.environment
    if config_file is not None:
        config = _load_toml(config_file)
        environment = environment or config.get("default_environment")
        envs = config.get("environments", {})
        section: dict[str, Any] = {}
        if environment:
            if environment not in envs and flags.environment:
                raise ConfigError(
                    f"{config_file}: no [environments.{environment}] section",
                    hint=f"known environments: {', '.join(sorted(envs)) or 'none'}",
                )
            section = dict(envs.get(environment, {}))
            dotenv = read_dotenv(config_file.parent / f".env.{environment}")
            section.setdefault(
                "database_url", dotenv.get("DATABASE_URL") or dotenv.get("POSTGRES_URL")
            )
            section.setdefault(
                "shadow_database_url",
                dotenv.get("SHADOW_DATABASE_URL") or dotenv.get("POSTGRES_SHADOW_URL"),
            )
        if section.get("schema_path"):
            section["schema_path"] = str(config_file.parent / section["schema_path"])
        layers.append((f"{config_file.name} [environments.{environment}]", section))
        top = {k: config.get(k) for k in ("schema_path", "schemas", *_BOOL_KEYS)}
        if top["schema_path"]:
            top["schema_path"] = str(config_file.parent / top["schema_path"])
        layers.append((config_file.name, top))
    elif flags.environment:
        raise ConfigError(
            f"--environment {flags.environment} given but no {CONFIG_FILE} was found",
            hint=f"create {CONFIG_FILE} with an [environments.{flags.environment}] section",
        )
    layers.append(("alembic.ini", dict(_alembic_ini(cwd))))

    chosen: dict[str, Any] = {}
    sources: dict[str, str] = {}
    for source, values in layers:
        for key, value in values.items():
            if value not in (None, "", ()) and key not in chosen:
                chosen[key] = value
                sources[key] = source
    schema_path = chosen.get("schema_path")
    schemas = _as_schemas(chosen["schemas"], sources["schemas"]) if "schemas" in chosen else ()
    return Settings(
        database_url=chosen.get("database_url"),
        shadow_database_url=chosen.get("shadow_database_url"),
        shadow_schema=chosen.get("shadow_schema"),
        schema_path=Path(schema_path) if schema_path else None,
        schemas=schemas,
        environment=environment,
        config_file=config_file,
        manage_owners=chosen.get("manage_owners") is True,
        manage_privileges=chosen.get("manage_privileges") is not False,
        sources=sources,
    )


def require_database_url(settings: Settings) -> str:
    if not settings.database_url:
        raise ConfigError(
            "no database given",
            hint="pass --db URL or set DATABASE_URL (or database_url in lockplane.toml)",
        )
    return settings.database_url
