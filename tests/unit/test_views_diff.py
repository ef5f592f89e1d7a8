"""Views in the planner, without a server: what is replaced in place, what is dropped and
created again around a column change, and in which order (the oracle in tests/cases/
checks the same plans against PostgreSQL)."""

from __future__ import annotations

from alembic_lockplane.diff.changes import (
    AlterColumnType,
    CreateView,
    DropView,
    ReplaceView,
)
from alembic_lockplane.diff.diff import diff
from alembic_lockplane.model.objects import Column, Dependency, Schema, Table, View, ViewColumn
from alembic_lockplane.render.render import statements

T = Table("public", "t", (Column("id", "integer"), Column("b", "integer"), Column("a", "text")))
T_BIG = Table("public", "t", (Column("id", "integer"), Column("b", "bigint"), Column("a", "text")))


def view(
    name: str, sql: str, cols: tuple[str, ...], reads: str, read_cols: tuple[str, ...]
) -> View:
    return View(
        "public",
        name,
        sql,
        columns=tuple(ViewColumn(c, "integer") for c in cols),
        depends_on=(Dependency("relation", "public", reads, read_cols),),
    )


V1 = view("v1", " SELECT t.id, t.b FROM public.t;", ("id", "b"), "t", ("b", "id"))
V2 = view("v2", " SELECT v1.b FROM public.v1;", ("b",), "v1", ("b",))
V_A = view("va", " SELECT t.a FROM public.t;", ("a",), "t", ("a",))


def kinds(changes: list[object]) -> list[str]:
    out = []
    for c in changes:
        name = getattr(getattr(c, "old", None) or getattr(c, "new", None), "name", "")
        out.append(f"{type(c).__name__}:{name}")
    return out


def test_retyping_a_column_drops_the_views_reading_it_top_down_and_recreates_them_bottom_up() -> (
    None
):
    changes = diff(Schema(tables=(T,), views=(V1, V2)), Schema(tables=(T_BIG,), views=(V1, V2)))
    assert kinds(changes) == [
        "DropView:v2",
        "DropView:v1",
        "AlterColumnType:b",
        "CreateView:v1",
        "CreateView:v2",
    ]
    assert isinstance(changes[2], AlterColumnType)


def test_a_view_not_reading_the_changed_column_stays() -> None:
    changes = diff(Schema(tables=(T,), views=(V_A,)), Schema(tables=(T_BIG,), views=(V_A,)))
    assert kinds(changes) == ["AlterColumnType:b"]


def test_same_output_columns_is_replaced_in_place() -> None:
    new = View(
        "public",
        "v1",
        " SELECT t.id, t.b FROM public.t WHERE t.b > 0;",
        columns=V1.columns,
        depends_on=V1.depends_on,
    )
    changes = diff(Schema(tables=(T,), views=(V1, V2)), Schema(tables=(T,), views=(new, V2)))
    assert changes == [ReplaceView(V1, new)]
    assert statements(changes[0])[0].startswith("CREATE OR REPLACE VIEW public.v1 AS SELECT")


def test_an_output_column_renamed_recreates_the_view_and_its_dependents() -> None:
    renamed = View(
        "public",
        "v1",
        " SELECT t.id AS key, t.b FROM public.t;",
        columns=(ViewColumn("key", "integer"), ViewColumn("b", "integer")),
        depends_on=V1.depends_on,
    )
    changes = diff(Schema(tables=(T,), views=(V1, V2)), Schema(tables=(T,), views=(renamed, V2)))
    assert changes == [DropView(V2), DropView(V1), CreateView(renamed), CreateView(V2)]


def test_a_materialized_view_is_created_with_data_and_dropped_as_such() -> None:
    mat = View("public", "m", " SELECT 1 AS n;", materialized=True)
    [create] = diff(Schema(), Schema(views=(mat,)))
    assert statements(create) == ["CREATE MATERIALIZED VIEW public.m AS SELECT 1 AS n WITH DATA"]
    assert statements(create.reverse()) == ["DROP MATERIALIZED VIEW public.m"]
