"""Reading Lockplane (Go) snapshots into our model, in the server's canonical spelling."""

from __future__ import annotations

import pytest

from alembic_lockplane.errors import SnapshotError
from alembic_lockplane.model import ConstraintKind
from alembic_lockplane.model.lockplane_json import (
    canonical_type,
    is_lockplane_schema,
    schema_from_lockplane,
)

GO_SNAPSHOT = {
    "$schema": "https://lockplane.dev/schema.json",
    "dialect": "postgres",
    "tables": [
        {
            "name": "users",
            "columns": [
                {"name": "id", "type": "serial", "nullable": False, "is_primary_key": True},
                {"name": "email", "type": "varchar(255)", "nullable": False},
                {"name": "created", "type": "timestamptz", "nullable": True, "default": "now()"},
            ],
            "indexes": [{"name": "users_email_key", "columns": ["email"], "unique": True}],
        },
        {
            "name": "posts",
            "columns": [{"name": "author", "type": "int", "nullable": False}],
            "foreign_keys": [
                {
                    "name": "posts_author_fkey",
                    "columns": ["author"],
                    "referenced_table": "users",
                    "referenced_columns": ["id"],
                    "on_delete": "cascade",
                }
            ],
        },
    ],
}


@pytest.mark.parametrize(
    ("raw", "canonical"),
    [
        ("int", "integer"),
        ("VARCHAR(20)", "character varying(20)"),
        ("timestamptz", "timestamp with time zone"),
        ("timestamp(3)", "timestamp(3) without time zone"),
        ("numeric(10, 2)", "numeric(10,2)"),
        ("text[]", "text[]"),
        ("bool", "boolean"),
    ],
)
def test_type_names_take_the_servers_spelling(raw: str, canonical: str) -> None:
    assert canonical_type(raw) == canonical


def test_go_snapshot_maps_to_tables_keys_and_indexes() -> None:
    assert is_lockplane_schema(GO_SNAPSHOT)
    schema = schema_from_lockplane(GO_SNAPSHOT)
    users = schema.table("public", "users")
    assert users is not None
    assert [c.name for c in users.columns] == ["id", "email", "created"]
    assert users.columns[0].default == "nextval('public.users_id_seq'::regclass)"
    assert users.columns[0].not_null and not users.columns[2].not_null
    pk = users.constraint("users_pkey")
    assert pk is not None and pk.kind is ConstraintKind.PRIMARY_KEY
    posts = schema.table("public", "posts")
    assert posts is not None
    fk = posts.constraint("posts_author_fkey")
    assert fk is not None
    assert fk.definition == ("FOREIGN KEY (author) REFERENCES public.users(id) ON DELETE CASCADE")
    assert schema.indexes[0].definition == (
        "CREATE UNIQUE INDEX users_email_key ON public.users USING btree (email)"
    )


def test_bad_go_snapshot_names_the_path() -> None:
    bad = {"tables": [{"name": "t", "columns": [{"name": "a", "type": 5}]}]}
    with pytest.raises(SnapshotError, match=r"\$\.tables\[0\]\.columns\[0\]\.type"):
        schema_from_lockplane(bad)
