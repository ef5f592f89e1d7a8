"""canonical_hash is a published value (plans, revisions and guards record it): it must stay
SHA-256 of the model's JSON with sorted keys, no whitespace, UTF-8 and columns sorted by name,
however it is computed (piece by piece, remembered per schema, or read from the cache)."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from pathlib import Path

from alembic_lockplane.model import serde
from alembic_lockplane.model.objects import Dependency, Function, Schema, View, ViewColumn

SEED = Path(__file__).resolve().parents[1] / "fuzz" / "seeds" / "blog.json"


def by_definition(schema: Schema) -> str:
    data = serde.to_data(schema)
    for table in data["tables"]:
        table["columns"].sort(key=lambda column: column["name"])
    text = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def blog() -> Schema:
    return serde.schema_from_data(json.loads(SEED.read_text(encoding="utf-8")))


def test_hash_is_the_documented_definition_for_every_kind() -> None:
    schema = blog()
    assert schema.tables and schema.indexes and schema.enums and schema.extensions
    with_objects = dataclasses.replace(
        schema,
        views=(
            View(
                "app",
                "ünïcode view",
                ' SELECT 1 AS "x";',
                columns=(ViewColumn("x", "integer"),),
                depends_on=(Dependency("table", "app", "posts"),),
            ),
        ),
        functions=(Function("app", "f", "integer", "a integer", "CREATE FUNCTION ..."),),
    )
    for value in (Schema(), schema, with_objects):
        assert serde.canonical_hash(value) == by_definition(value)
    assert serde.canonical_hash(with_objects) != serde.canonical_hash(schema)


def test_a_remembered_hash_belongs_to_that_object_only() -> None:
    a, b = blog(), blog()
    serde.remember_hash(a, "0" * 64)
    assert serde.canonical_hash(a) == "0" * 64
    assert serde.canonical_hash(b) == by_definition(b)
