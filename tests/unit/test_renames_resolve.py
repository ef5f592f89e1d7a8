"""How rename hints are tied to objects (no server: hand-made current schemas)."""

from __future__ import annotations

import pytest

from alembic_lockplane.diff.renames import Rename, resolve_renames, type_form
from alembic_lockplane.errors import SchemaSourceError
from alembic_lockplane.model.objects import (
    Column,
    Constraint,
    ConstraintKind,
    EnumType,
    Index,
    Namespace,
    Schema,
    Table,
)
from alembic_lockplane.source import split_text

CURRENT = Schema(
    namespaces=(Namespace("public"), Namespace("old_app")),
    enums=(EnumType("public", "mood_old", ("a",)),),
    tables=(
        Table(
            "old_app",
            "people",
            (Column("id", "integer"), Column("Full Name", "text")),
            (Constraint("people_ck", ConstraintKind.CHECK, "CHECK ((id > 0))"),),
        ),
    ),
    indexes=(Index("old_app", "people_idx", "people", "CREATE INDEX ..."),),
)


def _renames(text: str, current: Schema = CURRENT) -> list[str]:
    statements = split_text(text, "schema.lp.sql").statements
    return [r.sql() for r in resolve_renames(statements, current, Schema())]


def test_everything_in_a_renamed_schema_is_looked_up_under_its_old_name() -> None:
    text = (
        '-- lockplane: renamed from "people"\n'
        "CREATE TABLE app.persons (\n"
        "  id int,\n"
        '  -- lockplane: renamed from "Full Name"\n'
        "  full_name text,\n"
        "  -- lockplane: renamed from people_ck\n"
        "  CONSTRAINT persons_ck CHECK (id > 0)\n"
        ");\n"
        "-- lockplane: renamed from people_idx\n"
        "CREATE INDEX persons_idx ON app.persons (id);\n"
        "-- lockplane: renamed from old_app\n"
        "CREATE SCHEMA app;\n"
    )
    assert _renames(text) == [
        "ALTER SCHEMA old_app RENAME TO app",
        "ALTER TABLE app.people RENAME TO persons",
        'ALTER TABLE app.persons RENAME COLUMN "Full Name" TO full_name',
        "ALTER TABLE app.persons RENAME CONSTRAINT people_ck TO persons_ck",
        "ALTER INDEX app.people_idx RENAME TO persons_idx",
    ]


def test_a_hint_inside_alter_table_add_constraint() -> None:
    current = Schema(
        tables=(
            Table(
                "public",
                "t",
                (Column("id", "integer"),),
                (Constraint("t_old", ConstraintKind.CHECK, "CHECK ((id > 0))"),),
            ),
        )
    )
    text = (
        "ALTER TABLE ONLY t\n  -- lockplane: renamed from t_old\n"
        "  ADD CONSTRAINT t_new CHECK (id > 0);"
    )
    assert _renames(text, current) == ["ALTER TABLE public.t RENAME CONSTRAINT t_old TO t_new"]


def test_a_hint_already_applied_does_nothing_and_both_names_is_an_error() -> None:
    done = "-- lockplane: renamed from something_gone\nCREATE TYPE mood_old AS ENUM ('a');"
    assert _renames(done) == []
    both = Schema(enums=(*CURRENT.enums, EnumType("public", "mood", ("a",))))
    text = "-- lockplane: renamed from mood_old\nCREATE TYPE mood AS ENUM ('a');"
    with pytest.raises(SchemaSourceError, match="'mood' exists too") as raised:
        _renames(text, both)
    assert str(raised.value).startswith("schema.lp.sql:1:1: ")


def test_an_unnamed_constraint_cannot_take_a_hint() -> None:
    text = (
        "CREATE TABLE t (\n  id int,\n  -- lockplane: renamed from t_pkey\n  PRIMARY KEY (id)\n);"
    )
    with pytest.raises(SchemaSourceError, match="needs its name") as raised:
        _renames(text, Schema(tables=(Table("public", "t", (Column("id", "integer"),)),)))
    assert raised.value.origin is not None and raised.value.origin.line == 3


@pytest.mark.parametrize(
    ("rest", "form"),
    [
        ("AS ENUM ('a')", "enum"),
        ("AS ENUM('a')", "enum"),
        ("as range (subtype = int4)", "range"),
        ("AS (a int)", "composite"),
        ("AS(a int)", "composite"),
        ("(INPUT = f_in, OUTPUT = f_out)", "base"),
    ],
)
def test_type_forms(rest: str, form: str) -> None:
    assert type_form(rest) == form


@pytest.mark.parametrize(
    ("rename", "sql", "back"),
    [
        (
            Rename("schema", "a", "", "a", "B"),
            'ALTER SCHEMA a RENAME TO "B"',
            'ALTER SCHEMA "B" RENAME TO a',
        ),
        (
            Rename("materialized view", "s", "", "m1", "m2"),
            "ALTER MATERIALIZED VIEW s.m1 RENAME TO m2",
            "ALTER MATERIALIZED VIEW s.m2 RENAME TO m1",
        ),
        (
            Rename("constraint", "s", "t", "c1", "c2"),
            "ALTER TABLE s.t RENAME CONSTRAINT c1 TO c2",
            "ALTER TABLE s.t RENAME CONSTRAINT c2 TO c1",
        ),
        (
            Rename("domain", "s", "", "d1", "d2"),
            "ALTER DOMAIN s.d1 RENAME TO d2",
            "ALTER DOMAIN s.d2 RENAME TO d1",
        ),
    ],
)
def test_each_rename_and_its_way_back(rename: Rename, sql: str, back: str) -> None:
    assert rename.sql() == sql
    assert rename.reverse().sql() == back
    assert rename.reverse().reverse() == rename
