"""Find the desired-schema files: an explicit path, or the conventional places.

A folder means every top-level ``*.lp.sql`` file in it, in byte order of the names (the order
``LC_ALL=C ls`` shows, independent of locale and filesystem), read as one script, so later files
may refer to objects of earlier ones. Hidden files (``.name``) are skipped, as a shell glob would,
so editor lock and backup files never sneak in. Subfolders are not searched.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from alembic_lockplane.errors import ConfigError, SchemaSourceError

SCHEMA_DIR_ENV = "LOCKPLANE_SCHEMA_DIR"
DEFAULT_FILE = "schema.lp.sql"
DEFAULT_DIR = "schema"


def is_lp_sql(path: Path) -> bool:
    """Whether the name ends in ``.lp.sql`` (any case)."""
    return path.name.lower().endswith(".lp.sql")


def is_sql_source(path: Path) -> bool:
    """Whether ``discover`` takes this path as SQL (a folder, ``.lp.sql`` or ``.sql``)."""
    return path.is_dir() or path.name.lower().endswith(".sql")


def folder_files(folder: Path) -> list[Path]:
    """Top-level ``*.lp.sql`` files of ``folder`` in byte order of their names."""
    names = [
        entry.name
        for entry in os.scandir(folder)
        if not entry.name.startswith(".") and is_lp_sql(Path(entry.name)) and entry.is_file()
    ]
    return [folder / name for name in sorted(names, key=os.fsencode)]


def _from_path(path: Path, shown: str) -> list[Path]:
    if path.is_dir():
        files = folder_files(path)
        if not files:
            plain = sorted(p.name for p in path.glob("*.sql") if not is_lp_sql(p))
            hint = "name the files like users.lp.sql; only *.lp.sql files of a folder are read"
            if plain:
                hint += f" (found {', '.join(plain[:3])}{', ...' if len(plain) > 3 else ''})"
            raise SchemaSourceError(f"no .lp.sql files in folder {shown}", hint=hint)
        return files
    if path.is_file():
        if path.name.lower().endswith(".sql"):
            return [path]
        raise SchemaSourceError(
            f"{shown} is not a .lp.sql file",
            hint="desired-schema SQL files end in .lp.sql (or .sql when named explicitly); "
            "JSON schema files are read by the JSON loader",
        )
    raise SchemaSourceError(
        f"schema path not found: {shown}",
        hint="pass an existing .lp.sql file or a folder of .lp.sql files",
    )


def discover(path: Path | None, *, cwd: Path, env: Mapping[str, str]) -> list[Path]:
    """The files of the desired schema, in reading order.

    ``path`` may be a ``.lp.sql`` file, a ``.sql`` file, or a folder (relative paths are taken
    from ``cwd``). Without a path, the first that exists of: each ``LOCKPLANE_SCHEMA_DIR`` entry
    (``os.pathsep``-separated), ``schema.lp.sql``, ``schema/``.
    """
    if path is not None:
        return _from_path(path if path.is_absolute() else cwd / path, str(path))
    entries = [e for e in env.get(SCHEMA_DIR_ENV, "").split(os.pathsep) if e]
    candidates = [*entries, DEFAULT_FILE, DEFAULT_DIR]
    for candidate in candidates:
        full = Path(candidate) if Path(candidate).is_absolute() else cwd / candidate
        if full.exists():
            return _from_path(full, candidate)
    looked = ", ".join(f"{c}" for c in candidates)
    raise ConfigError(
        f"no desired schema found (looked for {looked} in {cwd})",
        hint=f"pass the path of a .lp.sql file or folder, create {DEFAULT_FILE} or {DEFAULT_DIR}/, "
        f"or set {SCHEMA_DIR_ENV}",
    )
