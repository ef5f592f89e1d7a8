"""SQL of partitioned tables, partitions, inheritance children and their changes."""

from __future__ import annotations

from alembic_lockplane.diff.changes import (
    AddInherit,
    AttachPartition,
    CreateTable,
    DetachPartition,
    DropInherit,
    TableKey,
)
from alembic_lockplane.model.objects import (
    Column,
    Constraint,
    ConstraintKind,
    PartitionOf,
    Table,
    TableRef,
)
from alembic_lockplane.render.render import render

ID = Column("id", "bigint", not_null=True)
AT = Column("at", "date", not_null=True)
PK = Constraint("events_pkey", ConstraintKind.PRIMARY_KEY, "PRIMARY KEY (id, at)", ("id", "at"))
BOUND = "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')"


def test_partitioned_table_ends_with_partition_by() -> None:
    table = Table("public", "events", (ID, AT), (PK,), partition_by="RANGE (at)")
    [sql] = render(CreateTable(table)).statements
    assert sql == (
        "CREATE TABLE public.events (id bigint NOT NULL, at date NOT NULL, "
        "CONSTRAINT events_pkey PRIMARY KEY (id, at)) PARTITION BY RANGE (at)"
    )


def test_partition_names_its_parent_and_bound_and_lists_no_columns() -> None:
    part = Table("public", "events_2024", partition_of=PartitionOf("public", "events", BOUND))
    [sql] = render(CreateTable(part)).statements
    assert sql == f"CREATE TABLE public.events_2024 PARTITION OF public.events {BOUND}"


def test_default_sub_partitioned_partition_with_its_own_check() -> None:
    check = Constraint("rest_kind", ConstraintKind.CHECK, "CHECK ((kind IS NOT NULL))")
    part = Table(
        "Sales",
        "rest",
        constraints=(check,),
        partition_of=PartitionOf("Sales", "events", "DEFAULT"),
        partition_by="LIST (kind)",
    )
    [sql] = render(CreateTable(part)).statements
    assert sql == (
        'CREATE TABLE "Sales".rest PARTITION OF "Sales".events '
        "(CONSTRAINT rest_kind CHECK ((kind IS NOT NULL))) DEFAULT PARTITION BY LIST (kind)"
    )


def test_inheritance_child_lists_its_own_columns_and_parents_in_order() -> None:
    child = Table(
        "public",
        "staff",
        (Column("salary", "numeric"),),
        inherits=(TableRef("public", "people"), TableRef("hr", "payees")),
    )
    [sql] = render(CreateTable(child)).statements
    assert sql == "CREATE TABLE public.staff (salary numeric) INHERITS (public.people, hr.payees)"


def test_attach_detach_inherit_statements_and_their_reverses() -> None:
    key = TableKey("public", "events_2024")
    of = PartitionOf("public", "events", BOUND)
    attach = AttachPartition(key, of)
    assert render(attach).statements == (
        f"ALTER TABLE public.events ATTACH PARTITION public.events_2024 {BOUND}",
    )
    assert render(attach.reverse()).statements == (
        "ALTER TABLE public.events DETACH PARTITION public.events_2024",
    )
    assert render(DetachPartition(key, of)).description == (
        "Detach partition events_2024 from events"
    )
    inherit = AddInherit(TableKey("public", "staff"), TableRef("public", "people"))
    assert render(inherit).statements == ("ALTER TABLE public.staff INHERIT public.people",)
    assert render(DropInherit(inherit.table, inherit.parent)).statements == (
        "ALTER TABLE public.staff NO INHERIT public.people",
    )
