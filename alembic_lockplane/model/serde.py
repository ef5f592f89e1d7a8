"""Our JSON snapshot format: model <-> JSON, and the canonical hash.

The decoder is driven by the dataclasses' own type hints, so the format and the model
cannot drift apart; it checks every value and names the JSON path of the first problem.
The JSON Schema shipped beside this module is generated from the same hints
(``python -m alembic_lockplane.model.jsonschema``) and a test keeps it in sync.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import operator
import types
import typing
import weakref
from collections.abc import Callable, Iterator
from enum import Enum
from typing import Any, TypeVar, Union, get_args, get_origin

from alembic_lockplane.errors import SnapshotError
from alembic_lockplane.model.objects import Schema

FORMAT = "alembic-lockplane/schema/1"

T = TypeVar("T")


def to_data(obj: Any, *, omit_defaults: bool = False) -> Any:
    """A dataclass tree as JSON-ready data; ``origin`` is left out.

    ``omit_defaults`` drops fields equal to their default, which keeps snapshots short and
    their git diffs to real changes; the hash always covers every field.
    """
    return _plain(obj, omit_defaults)


# Per class: None for a value passed through as is, _ENUM for an enum (its value), or the
# dataclass's fields as (name, omit when empty, default). Built once per class, so a tree of
# hundreds of thousands of objects costs one dict look-up per object instead of
# ``dataclasses.fields`` and ``is_dataclass`` calls (1,000 tables: 0.62 s -> 0.15 s a hash).
_Spec = tuple[tuple[str, bool | str, Any], ...]
_ENUM: _Spec = ()
_SPECS: dict[type, _Spec | None] = {str: None, int: None, bool: None, float: None}
_SPECS[type(None)] = None


def _omit(flag: Any) -> bool | str:
    """``omit_empty`` metadata: ``True`` leaves out any false value, ``"none"`` only ``None``
    (for a number whose 0 means something, e.g. a statistics target)."""
    return "none" if flag == "none" else bool(flag)


def _spec_of(cls: type) -> _Spec | None:
    spec: _Spec | None = None
    if issubclass(cls, Enum):
        spec = _ENUM
    elif dataclasses.is_dataclass(cls):
        spec = tuple(
            (f.name, _omit(f.metadata.get("omit_empty")), f.default)
            for f in dataclasses.fields(cls)
            if f.name != "origin"
        )
    _SPECS[cls] = spec
    return spec


def _plain(obj: Any, omit_defaults: bool) -> Any:
    cls = obj.__class__
    if cls is tuple or cls is list:
        return [_plain(v, omit_defaults) for v in obj]
    try:
        spec = _SPECS[cls]
    except KeyError:
        spec = _spec_of(cls)
    if spec is None:
        if isinstance(obj, tuple | list):
            return [_plain(v, omit_defaults) for v in obj]
        return obj
    if spec is _ENUM:
        return obj.value
    out: dict[str, Any] = {}
    missing = dataclasses.MISSING
    for name, omit_empty, default in spec:
        value = getattr(obj, name)
        if omit_empty and not value and (omit_empty is True or value is None):
            continue
        if omit_defaults and default is not missing and value == default:
            continue
        kind = value.__class__
        if kind is str or value is None or kind is bool or kind is int:
            out[name] = value
        else:
            out[name] = _plain(value, omit_defaults)
    return out


def schema_to_json(schema: Schema) -> str:
    data = {"format": FORMAT, **to_data(schema, omit_defaults=True)}
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


# canonical_hash per Schema object (models are frozen): planning, validation and the
# desired-schema cache ask for the same schema's hash several times. Keyed by id() with a weak
# reference, so an entry dies with its schema and a reused id() is never mistaken for it.
_HASHES: dict[int, tuple[weakref.ref[Schema], str]] = {}


def _forget(key: int) -> Callable[[weakref.ref[Schema]], None]:
    def drop(ref: weakref.ref[Schema]) -> None:
        entry = _HASHES.get(key)
        if entry is not None and entry[0] is ref:
            del _HASHES[key]

    return drop


def remember_hash(schema: Schema, value: str) -> None:
    """Record ``canonical_hash(schema)`` computed elsewhere (a cache entry written with it)."""
    key = id(schema)
    _HASHES[key] = (weakref.ref(schema, _forget(key)), value)


def canonical_hash(schema: Schema) -> str:
    """SHA-256 of the model's canonical JSON (sorted keys, no whitespace, UTF-8).

    Column positions are left out: PostgreSQL appends ``ADD COLUMN`` at the end and cannot
    reorder columns without rebuilding the table, so the planner never plans an order, and a
    column declared mid-table must not look like drift once it has been added.
    """
    entry = _HASHES.get(id(schema))
    if entry is not None and entry[0]() is schema:
        return entry[1]
    value = _compute_hash(schema)
    remember_hash(schema, value)
    return value


def _compute_hash(schema: Schema) -> str:
    digest = hashlib.sha256()
    for piece in _canonical_pieces(schema):
        digest.update(piece.encode("utf-8"))
    return digest.hexdigest()


_CANONICAL = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False)
_BY_NAME = operator.itemgetter("name")


def _canonical_pieces(schema: Schema) -> Iterator[str]:
    """The canonical JSON text in pieces of one object each (a table, an index, ...).

    Joined, the pieces are exactly ``json.dumps(to_data(schema), sort_keys=True,
    separators=(",", ":"), ensure_ascii=False)`` with each table's columns sorted by name, but
    only one object's data exists at a time instead of the whole schema's (a 5,000-table
    schema's tree was about 40 MiB, its text as much again).
    """
    yield "{"
    first = True
    for name, items in sorted(schema_items(schema, omit_defaults=False)):
        yield ("" if first else ",") + _CANONICAL.encode(name) + ":"
        first = False
        if not isinstance(items, tuple):
            yield _CANONICAL.encode(to_data(items))
            continue
        yield "["
        for k, item in enumerate(items):
            data = _plain(item, False)
            if name == "tables":
                data["columns"].sort(key=_BY_NAME)
            yield ("," if k else "") + _CANONICAL.encode(data)
        yield "]"
    yield "}"


def schema_items(schema: Schema, *, omit_defaults: bool) -> list[tuple[str, Any]]:
    """The (field name, value) pairs ``to_data(schema, omit_defaults=...)`` would keep, values
    as in the model (tuples of objects): for writers that encode one object at a time."""
    spec = _SPECS.get(Schema) or _spec_of(Schema)
    assert spec
    out: list[tuple[str, Any]] = []
    for name, omit_empty, default in spec:
        value = getattr(schema, name)
        if omit_empty and not value:
            continue
        if omit_defaults and default is not dataclasses.MISSING and value == default:
            continue
        out.append((name, value))
    return out


def from_data(cls: type[T], data: Any, path: str = "$") -> T:
    """Build ``cls`` from JSON data, checking every field; errors name the JSON path."""
    value: T = _decode(cls, data, path)
    return value


def schema_from_data(data: Any) -> Schema:
    if not isinstance(data, dict):
        raise SnapshotError("$: expected a JSON object")
    body = dict(data)
    fmt = body.pop("format", None)
    body.pop("$schema", None)
    if fmt != FORMAT:
        raise SnapshotError(
            f"$.format: expected {FORMAT!r}, got {fmt!r}",
            hint="write snapshots with `lockplane introspect`",
        )
    return from_data(Schema, body)


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    # Resolving string annotations compiles each one; once per class, not per object.
    return typing.get_type_hints(cls)


def _type_name(tp: Any) -> str:
    origin = get_origin(tp)
    if origin is tuple:
        return "array"
    if tp is bool:
        return "boolean"
    if tp is int:
        return "integer"
    if tp is str:
        return "string"
    if dataclasses.is_dataclass(tp):
        return "object"
    return getattr(tp, "__name__", str(tp))


def _json_kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    return type(value).__name__


def _fail(path: str, expected: str, value: Any) -> SnapshotError:
    return SnapshotError(f"{path}: expected {expected}, got {_json_kind(value)}")


def _decode(tp: Any, value: Any, path: str) -> Any:
    origin = get_origin(tp)
    if origin in (Union, types.UnionType):
        options = get_args(tp)
        if value is None and type(None) in options:
            return None
        real = [o for o in options if o is not type(None)]
        return _decode(real[0], value, path)
    if origin is tuple:
        if not isinstance(value, list):
            raise _fail(path, "array", value)
        (item_type, _) = get_args(tp)
        return tuple(_decode(item_type, v, f"{path}[{i}]") for i, v in enumerate(value))
    if isinstance(tp, type) and issubclass(tp, Enum):
        allowed = [m.value for m in tp]
        if value not in allowed:
            raise SnapshotError(f"{path}: expected one of {allowed}, got {value!r}")
        return tp(value)
    if dataclasses.is_dataclass(tp):
        return _decode_dataclass(tp, value, path)  # type: ignore[arg-type]
    if tp is bool:
        if not isinstance(value, bool):
            raise _fail(path, "boolean", value)
        return value
    if tp is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise _fail(path, "integer", value)
        return value
    if tp is str:
        if not isinstance(value, str):
            raise _fail(path, "string", value)
        return value
    raise TypeError(f"unsupported model type {tp!r} at {path}")


def _decode_dataclass(cls: type, value: Any, path: str) -> Any:
    if not isinstance(value, dict):
        raise _fail(path, "object", value)
    hints = _hints(cls)
    fields = {f.name: f for f in dataclasses.fields(cls) if f.name != "origin"}
    unknown = sorted(set(value) - set(fields))
    if unknown:
        raise SnapshotError(f"{path}: unknown key {unknown[0]!r}")
    kwargs: dict[str, Any] = {}
    for name, f in fields.items():
        sub = f"{path}.{name}"
        if name not in value:
            no_default = (
                f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
            )
            if no_default:
                raise SnapshotError(f"{sub}: required key is missing")
            continue
        kwargs[name] = _decode(hints[name], value[name], sub)
    return cls(**kwargs)
