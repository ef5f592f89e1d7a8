"""The diff around partitions, inheritance and functions that table parts call."""

from __future__ import annotations

from dataclasses import replace

from alembic_lockplane.diff.changes import (
    AddColumn,
    AddConstraint,
    AddInherit,
    AttachPartition,
    CreateIndex,
    CreateTable,
    DetachPartition,
    DropConstraint,
    DropDefault,
    DropIndex,
    DropInherit,
    DropTable,
    RecreateFunction,
    SetDefault,
    TableKey,
)
from alembic_lockplane.diff.diff import diff
from alembic_lockplane.model.objects import (
    Column,
    Constraint,
    ConstraintKind,
    Function,
    Index,
    PartitionOf,
    Schema,
    Table,
    TableRef,
)

ID = Column("id", "bigint", not_null=True)
AT = Column("at", "date", not_null=True)
EVENTS = Table("public", "events", (ID, AT), partition_by="RANGE (at)")
Y2024 = "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')"
PART = Table("public", "events_2024", partition_of=PartitionOf("public", "events", Y2024))
PART_KEY = TableKey("public", "events_2024")
KIND_IDX = Index("public", "events_at_idx", "events", "CREATE INDEX events_at_idx ON ...")


def _names(changes: list[object]) -> list[str]:
    return [type(c).__name__ for c in changes]


def test_a_new_partition_comes_after_its_parent_and_a_dropped_one_before() -> None:
    # "a..." sorts before "events": only the parent edge puts it second
    part = replace(PART, name="a_2024")
    up = diff(Schema(), Schema(tables=(part, EVENTS)))
    assert [c.new.name for c in up if isinstance(c, CreateTable)] == ["events", "a_2024"]
    down = diff(Schema(tables=(part, EVENTS)), Schema())
    assert [c.old.name for c in down if isinstance(c, DropTable)] == ["a_2024", "events"]


def test_a_bound_change_detaches_then_attaches() -> None:
    wider = replace(PART, partition_of=PartitionOf("public", "events", "DEFAULT"))
    changes = diff(Schema(tables=(EVENTS, PART)), Schema(tables=(EVENTS, wider)))
    assert changes == [
        DetachPartition(PART_KEY, PART.partition_of),
        AttachPartition(PART_KEY, wider.partition_of),
    ]


def test_a_key_change_rebuilds_the_table_its_partitions_and_indexes() -> None:
    hashed = replace(EVENTS, partition_by="HASH (id)")
    current = Schema(tables=(EVENTS, PART), indexes=(KIND_IDX,))
    desired = Schema(tables=(hashed, PART), indexes=(KIND_IDX,))
    changes = diff(current, desired)
    assert _names(changes) == [
        "DropIndex",
        "DropTable",
        "DropTable",
        "CreateTable",
        "CreateTable",
        "CreateIndex",
    ]
    assert [c.old.name for c in changes if isinstance(c, DropTable)] == ["events_2024", "events"]
    assert [c.new.name for c in changes if isinstance(c, CreateTable)] == ["events", "events_2024"]
    assert isinstance(changes[0], DropIndex) and isinstance(changes[-1], CreateIndex)


def test_inherit_adds_what_the_parent_needs_first_and_no_inherit_keeps_it() -> None:
    check = Constraint("name_len", ConstraintKind.CHECK, "CHECK ((length(name) < 100))")
    people = Table("public", "people", (ID, Column("name", "text")), (check,))
    plain = Table("public", "staff", (ID, Column("salary", "numeric")))
    child = Table(
        "public", "staff", (Column("salary", "numeric"),), inherits=(TableRef("public", "people"),)
    )
    up = diff(Schema(tables=(people, plain)), Schema(tables=(people, child)))
    assert _names(up) == ["AddColumn", "AddConstraint", "AddInherit"]
    assert isinstance(up[0], AddColumn) and up[0].new.name == "name"
    assert isinstance(up[1], AddConstraint) and up[1].new == check
    assert isinstance(up[2], AddInherit)
    kept = replace(
        plain,
        columns=(ID, Column("name", "text"), Column("salary", "numeric")),
        constraints=(check,),
    )
    down = diff(Schema(tables=(people, child)), Schema(tables=(people, kept)))
    assert down == [DropInherit(TableKey("public", "staff"), TableRef("public", "people"))]


def test_a_recreated_function_is_framed_by_the_parts_that_call_it() -> None:
    def fn(result: str) -> Function:
        return Function(
            "public", "code", "text", "p text", "CREATE ...", argument_list="p text", result=result
        )

    calls = "public.code('x'::text)"
    table = Table(
        "public",
        "items",
        (ID, Column("code", "text", default=calls)),
        (Constraint("items_code", ConstraintKind.CHECK, f"CHECK (({calls} <> ''::text))"),),
    )
    index = Index(
        "public",
        "items_code_idx",
        "items",
        f"CREATE INDEX items_code_idx ON public.items USING btree ({calls})",
    )
    current = Schema(tables=(table,), indexes=(index,), functions=(fn("text"),))
    desired = Schema(tables=(table,), indexes=(index,), functions=(fn("character varying"),))
    changes = diff(current, desired)
    names = _names(changes)
    recreate = names.index("RecreateFunction")
    for before in ("DropIndex", "DropConstraint", "DropDefault"):
        assert names.index(before) < recreate, names
    for after in ("SetDefault", "AddConstraint", "CreateIndex"):
        assert names.index(after) > recreate, names
    assert any(isinstance(c, RecreateFunction) for c in changes)
    assert any(isinstance(c, DropDefault) for c in changes)
    assert any(isinstance(c, SetDefault) for c in changes)
    assert any(isinstance(c, DropConstraint) for c in changes)


def test_an_unrelated_function_change_leaves_table_parts_alone() -> None:
    table = Table("public", "items", (ID, Column("code", "text", default="public.other()")))
    before = Function("public", "code", "", "", "CREATE ...", result="text")
    after = replace(before, result="integer")
    changes = diff(
        Schema(tables=(table,), functions=(before,)), Schema(tables=(table,), functions=(after,))
    )
    assert _names(changes) == ["RecreateFunction"]
