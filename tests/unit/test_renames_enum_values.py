"""Rename hints on enum values: a hint on a value's line inside ``CREATE TYPE ... AS ENUM``
(no server: hand-made current schemas)."""

from __future__ import annotations

import pytest

from alembic_lockplane.diff.renames import Rename, resolve_renames
from alembic_lockplane.errors import SchemaSourceError
from alembic_lockplane.model.objects import EnumType, Namespace, Schema
from alembic_lockplane.source import split_text

CURRENT = Schema(
    namespaces=(Namespace("public"), Namespace("app")),
    enums=(
        EnumType("public", "status", ("draft", "pending", "done")),
        EnumType("app", "status_old", ("a", "it's")),
    ),
)


def _renames(text: str, current: Schema = CURRENT) -> list[Rename]:
    statements = split_text(text, "schema.lp.sql").statements
    return list(resolve_renames(statements, current, Schema()))


def test_a_hint_on_a_value_line_renames_that_value() -> None:
    text = (
        "CREATE TYPE status AS ENUM (\n"
        "  'draft',\n"
        "  -- lockplane: renamed from 'pending'\n"
        "  'review',\n"
        "  'done'\n"
        ");\n"
    )
    [rename] = _renames(text)
    assert rename.sql() == "ALTER TYPE public.status RENAME VALUE 'pending' TO 'review'"
    assert rename.reverse().sql() == "ALTER TYPE public.status RENAME VALUE 'review' TO 'pending'"
    assert rename.lock is None  # no table is locked
    assert rename.origin is not None and (rename.origin.line, rename.origin.column) == (3, 3)


def test_a_value_of_a_renamed_type_is_renamed_after_the_type_in_its_new_name() -> None:
    text = (
        "-- lockplane: renamed from status_old\n"
        "CREATE TYPE app.status AS ENUM (\n"
        "  'a',\n"
        "  -- lockplane: renamed from 'it''s'\n"
        "  'it''s ok'\n"
        ");\n"
    )
    assert [r.sql() for r in _renames(text)] == [
        "ALTER TYPE app.status_old RENAME TO status",
        "ALTER TYPE app.status RENAME VALUE 'it''s' TO 'it''s ok'",
    ]


def test_an_applied_value_rename_does_nothing() -> None:
    text = "CREATE TYPE status AS ENUM (\n  -- lockplane: renamed from 'draft0'\n  'draft'\n);"
    assert _renames(text) == []


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "CREATE TYPE status AS ENUM (\n  -- lockplane: renamed from 'nope'\n  'review'\n);",
            "value 'nope' of enum type public.status does not exist",
        ),
        (
            "CREATE TYPE status AS ENUM (\n  -- lockplane: renamed from 'draft'\n  'done'\n);",
            "'done' exists too",
        ),
        (
            "CREATE TYPE fresh AS ENUM (\n  -- lockplane: renamed from 'a'\n  'b'\n);",
            "value 'a' of enum type public.fresh does not exist",
        ),
        (
            "CREATE TYPE pair AS (\n  -- lockplane: renamed from x\n  y int\n);",
            "a rename hint inside CREATE TYPE names nothing",
        ),
    ],
)
def test_a_value_hint_naming_nothing_is_an_error_at_the_hint(text: str, message: str) -> None:
    with pytest.raises(SchemaSourceError, match=message) as raised:
        _renames(text)
    assert str(raised.value).startswith("schema.lp.sql:2:3: ")


def test_a_value_hint_before_the_statement_says_where_it_goes() -> None:
    text = "-- lockplane: renamed from 'pending'\nCREATE TYPE status AS ENUM ('review');"
    with pytest.raises(SchemaSourceError, match="on the line just before the new value") as raised:
        _renames(text)
    assert str(raised.value).startswith("schema.lp.sql:1:1: ")
