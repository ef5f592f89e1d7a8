"""Our JSON snapshot format: round trip, determinism, path-named errors, shipped JSON Schema."""

from __future__ import annotations

import json

import jsonschema
import pytest

from alembic_lockplane.errors import SnapshotError
from alembic_lockplane.model import (
    Column,
    Constraint,
    ConstraintKind,
    EnumType,
    ForeignKeyTarget,
    Identity,
    Index,
    IndexKey,
    Namespace,
    Origin,
    OwnedBy,
    Policy,
    Schema,
    Sequence,
    Table,
)
from alembic_lockplane.model.jsonschema import render, shipped
from alembic_lockplane.model.serde import canonical_hash, schema_from_data, schema_to_json


def sample() -> Schema:
    users = Table(
        "app",
        "Users",
        columns=(
            Column("id", "bigint", True, identity=Identity(always=True)),
            Column("mood", "app.mood", default="'ok'::app.mood", comment="how they feel"),
            Column("email", "text", True, collation='pg_catalog."C"'),
        ),
        constraints=(
            Constraint("Users_pkey", ConstraintKind.PRIMARY_KEY, "PRIMARY KEY (id)", ("id",)),
            Constraint(
                "users_team_fk",
                ConstraintKind.FOREIGN_KEY,
                "FOREIGN KEY (team) REFERENCES app.teams(id) ON DELETE CASCADE",
                ("team",),
                ForeignKeyTarget("app", "teams", ("id",), on_delete="CASCADE"),
                validated=False,
            ),
        ),
        policies=(Policy("own_rows", roles=("app_user",), using="(id = 1)"),),
        rls_enabled=True,
    )
    return Schema(
        namespaces=(Namespace("app"), Namespace("public", comment="standard public schema")),
        enums=(EnumType("app", "mood", ("ok", "sad")),),
        sequences=(Sequence("app", "s", owned_by=OwnedBy("app", "Users", "id")),),
        tables=(users,),
        indexes=(
            Index(
                "app",
                "users_email_idx",
                "Users",
                'CREATE INDEX users_email_idx ON app."Users" USING btree (email DESC)',
                keys=(IndexKey("email", descending=True),),
            ),
        ),
    )


def test_round_trip_gives_an_equal_model() -> None:
    schema = sample()
    assert schema_from_data(json.loads(schema_to_json(schema))) == schema


def test_output_is_deterministic_whatever_the_input_order() -> None:
    a = sample()
    b = Schema(
        namespaces=tuple(reversed(a.namespaces)),
        enums=a.enums,
        sequences=a.sequences,
        tables=a.tables,
        indexes=a.indexes,
    )
    assert schema_to_json(a) == schema_to_json(b)
    assert canonical_hash(a) == canonical_hash(b)


def test_origin_takes_no_part_in_equality_or_hash() -> None:
    plain = Namespace("app")
    located = Namespace("app", origin=Origin("schema.lp.sql", 3, 1))
    assert plain == located
    assert canonical_hash(Schema(namespaces=(plain,))) == canonical_hash(
        Schema(namespaces=(located,))
    )


def test_hash_changes_with_any_field() -> None:
    a = sample()
    table = a.tables[0]
    changed = Table(table.schema, table.name, table.columns[:2], table.constraints)
    assert canonical_hash(a) != canonical_hash(Schema(namespaces=a.namespaces, tables=(changed,)))


@pytest.mark.parametrize(
    ("mutate", "path"),
    [
        (
            lambda d: d["tables"][0]["columns"][0].__setitem__("not_null", "yes"),
            "$.tables[0].columns[0].not_null: expected boolean, got string",
        ),
        (lambda d: d["tables"][0].__setitem__("colour", 1), "$.tables[0]: unknown key 'colour'"),
        (
            lambda d: d["tables"][0]["constraints"][0].__setitem__("kind", "primary"),
            "$.tables[0].constraints[0].kind: expected one of",
        ),
        (lambda d: d["enums"][0].pop("values"), "$.enums[0].values: required key is missing"),
        (
            lambda d: d["sequences"][0].__setitem__("start", 1.5),
            "$.sequences[0].start: expected integer, got number",
        ),
        (lambda d: d.__setitem__("format", "other/9"), "$.format: expected"),
    ],
)
def test_errors_name_the_json_path(mutate, path: str) -> None:
    data = json.loads(schema_to_json(sample()))
    mutate(data)
    with pytest.raises(SnapshotError) as info:
        schema_from_data(data)
    assert str(info.value).startswith(path)


def test_shipped_json_schema_matches_the_model() -> None:
    assert shipped() == render(), "run: python -m alembic_lockplane.model.jsonschema"


def test_shipped_json_schema_accepts_our_output_and_rejects_bad_input() -> None:
    schema = json.loads(shipped())
    data = json.loads(schema_to_json(sample()))
    jsonschema.validate(data, schema)
    data["tables"][0]["columns"][0]["not_null"] = "yes"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)


def test_hash_ignores_column_positions_but_not_columns() -> None:
    a = Table("public", "t", (Column("a", "integer"), Column("b", "text")))
    b = Table("public", "t", (Column("b", "text"), Column("a", "integer")))
    c = Table("public", "t", (Column("a", "integer"), Column("b", "integer")))
    assert canonical_hash(Schema(tables=(a,))) == canonical_hash(Schema(tables=(b,)))
    assert canonical_hash(Schema(tables=(a,))) != canonical_hash(Schema(tables=(c,)))
