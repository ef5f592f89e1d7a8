"""Partition and inheritance fields in snapshots: round trip, schema, hashes of old snapshots."""

from __future__ import annotations

import json
from dataclasses import replace

import jsonschema
import pytest

from alembic_lockplane.errors import SnapshotError
from alembic_lockplane.model.jsonschema import generate
from alembic_lockplane.model.objects import Column, PartitionOf, Schema, Table, TableRef
from alembic_lockplane.model.serde import canonical_hash, schema_from_data, schema_to_json

PLAIN = Table("public", "events", (Column("at", "date", not_null=True),))
PARTITIONED = replace(PLAIN, partition_by="RANGE (at)")
PART = Table("public", "events_2024", partition_of=PartitionOf("public", "events", "DEFAULT"))
CHILD = Table("public", "staff", inherits=(TableRef("public", "people"), TableRef("hr", "x")))


def test_partition_fields_round_trip_and_validate() -> None:
    schema = Schema(tables=(PARTITIONED, PART, CHILD))
    text = schema_to_json(schema)
    data = json.loads(text)
    jsonschema.validate(data, generate())
    assert schema_from_data(data) == schema
    assert data["tables"][1]["partition_of"] == {
        "schema": "public",
        "table": "events",
        "bound": "DEFAULT",
    }


def test_tables_without_partitioning_hash_as_before() -> None:
    # the fields are left out while empty: a snapshot written before them keeps its hash
    data = json.loads(schema_to_json(Schema(tables=(PLAIN,))))
    assert set(data["tables"][0]) == {"schema", "name", "columns"}
    # computed with the model as it was before partitioning existed
    before = "e01b9892fe906b364c4fca92f85f56910dcaf1d1617c4cf19ffdd695468cec85"
    assert canonical_hash(Schema(tables=(PLAIN,))) == before
    assert canonical_hash(Schema(tables=(PLAIN,))) != canonical_hash(Schema(tables=(PARTITIONED,)))


def test_a_bad_bound_names_its_path() -> None:
    data = json.loads(schema_to_json(Schema(tables=(PART,))))
    data["tables"][0]["partition_of"]["bound"] = 7
    with pytest.raises(SnapshotError, match=r"\$\.tables\[0\]\.partition_of\.bound"):
        schema_from_data(data)
