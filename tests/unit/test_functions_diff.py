"""Functions, triggers and domains in the planner, without a server: which change each
difference becomes and where it runs relative to the tables."""

from __future__ import annotations

import pytest

from alembic_lockplane.diff.changes import (
    CreateFunction,
    CreateTable,
    DropFunction,
    DropTable,
    RecreateFunction,
    ReplaceFunction,
)
from alembic_lockplane.diff.diff import diff
from alembic_lockplane.errors import PlanError
from alembic_lockplane.model.objects import Column, Domain, Function, Schema, Table
from alembic_lockplane.render.render import statements


def fn(body: str = "1", result: str = "integer", args: str = "x integer") -> Function:
    definition = (
        f"CREATE OR REPLACE FUNCTION public.f({args})\n RETURNS {result}\n LANGUAGE sql\n"
        f"AS $function$ select {body} $function$\n"
    )
    return Function("public", "f", "integer", args, definition, argument_list=args, result=result)


T = Table("public", "t", (Column("n", "integer", default="public.f(0)"),))


def test_a_body_change_is_create_or_replace() -> None:
    [change] = diff(Schema(functions=(fn(),)), Schema(functions=(fn("2"),)))
    assert change == ReplaceFunction(fn(), fn("2"))
    assert statements(change) == [
        "SET LOCAL check_function_bodies = off",  # a SQL string body may read later tables
        fn("2").definition.rstrip(),
    ]


def test_a_result_type_change_drops_and_creates_in_one_step() -> None:
    [change] = diff(Schema(functions=(fn(),)), Schema(functions=(fn(result="bigint"),)))
    assert isinstance(change, RecreateFunction)
    assert statements(change)[1] == "DROP FUNCTION public.f(x integer)"


def test_an_argument_rename_keeps_the_identity_and_recreates() -> None:
    renamed = fn(args="y integer")
    assert renamed.key == fn().key
    [change] = diff(Schema(functions=(fn(),)), Schema(functions=(renamed,)))
    assert isinstance(change, RecreateFunction)


def test_overloads_are_separate_objects() -> None:
    text = Function("public", "f", "text", "x text", "CREATE ... (x text)", result="text")
    changes = diff(Schema(functions=(fn(),)), Schema(functions=(fn(), text)))
    assert changes == [CreateFunction(text)]


def test_a_function_is_created_before_the_table_whose_default_calls_it_and_dropped_after() -> None:
    up = diff(Schema(), Schema(tables=(T,), functions=(fn(),)))
    assert [type(c) for c in up] == [CreateFunction, CreateTable]
    down = diff(Schema(tables=(T,), functions=(fn(),)), Schema())
    assert [type(c) for c in down] == [DropTable, DropFunction]


def test_a_domain_base_type_change_is_refused_at_planning() -> None:
    with pytest.raises(PlanError, match="base type"):
        diff(
            Schema(domains=(Domain("public", "d", "integer"),)),
            Schema(domains=(Domain("public", "d", "bigint"),)),
        )
