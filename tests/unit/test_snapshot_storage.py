"""Storage-setting fields in snapshots: round trip, JSON schema, hashes of older snapshots."""

from __future__ import annotations

import json
from dataclasses import replace

import jsonschema

from alembic_lockplane.model.jsonschema import generate
from alembic_lockplane.model.objects import Column, Schema, Table
from alembic_lockplane.model.serde import canonical_hash, schema_from_data, schema_to_json

PLAIN = Table("public", "events", (Column("at", "date", not_null=True),))
# computed with the model as it was before storage settings existed
# (tests/unit/test_snapshot_partitions.py pins the same value)
PLAIN_HASH = "e01b9892fe906b364c4fca92f85f56910dcaf1d1617c4cf19ffdd695468cec85"


def test_a_table_without_storage_settings_keeps_its_old_json_and_hash() -> None:
    data = json.loads(schema_to_json(Schema(tables=(PLAIN,))))
    assert set(data["tables"][0]) == {"schema", "name", "columns"}
    assert set(data["tables"][0]["columns"][0]) == {"name", "type", "not_null"}
    assert canonical_hash(Schema(tables=(PLAIN,))) == PLAIN_HASH


def test_storage_fields_round_trip_and_validate() -> None:
    body = Column("body", "text", storage="external", compression="pglz", statistics=0)
    table = replace(
        PLAIN,
        columns=(*PLAIN.columns, body),
        unlogged=True,
        options=("fillfactor=70", "autovacuum_enabled=off"),
        toast_options=("autovacuum_enabled=false",),
        replica_identity="INDEX",
        replica_identity_index="events_pkey",
    )
    schema = Schema(tables=(table,))
    data = json.loads(schema_to_json(schema))
    jsonschema.validate(data, generate())
    assert schema_from_data(data) == schema
    saved = data["tables"][0]
    assert saved["options"] == ["autovacuum_enabled=off", "fillfactor=70"]  # a sorted set
    assert saved["columns"][1]["statistics"] == 0  # 0 (no statistics) is not "unset"
    assert canonical_hash(schema) != canonical_hash(Schema(tables=(PLAIN,)))


def test_options_compare_as_a_set() -> None:
    a = replace(PLAIN, options=("fillfactor=70", "parallel_workers=2"))
    b = replace(PLAIN, options=("parallel_workers=2", "fillfactor=70"))
    assert a == b
    assert canonical_hash(Schema(tables=(a,))) == canonical_hash(Schema(tables=(b,)))
