"""Generate the JSON Schema of our snapshot format from the model's type hints.

Run ``python -m alembic_lockplane.model.jsonschema`` to rewrite the shipped file; a test
fails when the shipped file and the model disagree.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from enum import Enum
from importlib import resources
from pathlib import Path
from typing import Any, Union, get_args, get_origin

from alembic_lockplane.model.objects import Schema
from alembic_lockplane.model.serde import FORMAT

SCHEMA_FILE = "snapshot.schema.json"


def _type(tp: Any, defs: dict[str, Any]) -> dict[str, Any]:
    origin = get_origin(tp)
    if origin in (Union, types.UnionType):
        options = [o for o in get_args(tp) if o is not type(None)]
        return {"anyOf": [_type(options[0], defs), {"type": "null"}]}
    if origin is tuple:
        return {"type": "array", "items": _type(get_args(tp)[0], defs)}
    if isinstance(tp, type) and issubclass(tp, Enum):
        return {"enum": [m.value for m in tp]}
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        name = tp.__name__
        if name not in defs:
            defs[name] = {}
            defs[name] = _object(tp, defs)
        return {"$ref": f"#/$defs/{name}"}
    return {bool: {"type": "boolean"}, int: {"type": "integer"}, str: {"type": "string"}}[tp]


def _object(cls: Any, defs: dict[str, Any]) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    props: dict[str, Any] = {}
    required: list[str] = []
    for f in dataclasses.fields(cls):
        if f.name == "origin":
            continue
        props[f.name] = _type(hints[f.name], defs)
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            required.append(f.name)
    out: dict[str, Any] = {"type": "object", "properties": props, "additionalProperties": False}
    if required:
        out["required"] = required
    return out


def generate() -> dict[str, Any]:
    defs: dict[str, Any] = {}
    root = _object(Schema, defs)
    root["properties"] = {"format": {"const": FORMAT}, **root["properties"]}
    root["properties"]["$schema"] = {"type": "string"}
    root["required"] = ["format"]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "alembic-lockplane schema snapshot",
        **root,
        "$defs": dict(sorted(defs.items())),
    }


def render() -> str:
    return json.dumps(generate(), indent=2) + "\n"


def shipped() -> str:
    return resources.files("alembic_lockplane.model").joinpath(SCHEMA_FILE).read_text("utf-8")


if __name__ == "__main__":
    Path(__file__).with_name(SCHEMA_FILE).write_text(render(), encoding="utf-8")
