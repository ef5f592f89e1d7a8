"""Diff and order of composite types, range types and privileges (no server needed)."""

from __future__ import annotations

import pytest

from alembic_lockplane.diff.changes import CreateTable, DropColumn, DropTable, DropView
from alembic_lockplane.diff.changes_types import (
    AddPrivilege,
    AlterCompositeType,
    CreateCompositeType,
    CreateRangeType,
    DropCompositeType,
    RecreateCompositeType,
    RemovePrivilege,
)
from alembic_lockplane.diff.diff import diff
from alembic_lockplane.errors import PlanError
from alembic_lockplane.model.objects import Column, Schema, Table, View
from alembic_lockplane.model.types import (
    CompositeAttribute,
    CompositeType,
    Privilege,
    PrivilegeKind,
    RangeType,
)

INNER = CompositeType("public", "part", (CompositeAttribute("r", "public.span"),))
OUTER = CompositeType("public", "whole", (CompositeAttribute("i", "public.part[]"),))
SPAN = RangeType("public", "span", "integer")
USES = Table("public", "t", (Column("id", "integer"), Column("o", "public.whole")))


def test_types_come_before_the_table_using_them_inner_first() -> None:
    changes = diff(
        Schema(), Schema(composite_types=(OUTER, INNER), range_types=(SPAN,), tables=(USES,))
    )
    assert [type(c) for c in changes] == [
        CreateRangeType,
        CreateCompositeType,
        CreateCompositeType,
        CreateTable,
    ]
    assert [c.new.name for c in changes[1:3]] == ["part", "whole"]  # type: ignore[union-attr]


def test_types_are_dropped_after_the_table_using_them_outer_first() -> None:
    changes = diff(Schema(composite_types=(OUTER, INNER), tables=(USES,)), Schema())
    assert [type(c) for c in changes] == [DropTable, DropCompositeType, DropCompositeType]
    assert [c.old.name for c in changes[1:]] == ["whole", "part"]  # type: ignore[union-attr]


def test_a_column_dropped_with_its_type_goes_first() -> None:
    kept = Table("public", "t", (Column("id", "integer"),))
    changes = diff(Schema(composite_types=(OUTER, INNER), tables=(USES,)), Schema(tables=(kept,)))
    assert isinstance(changes[0], DropColumn)


def test_attributes_appended_alter_in_place_and_inserted_ones_recreate() -> None:
    two = CompositeType(
        "public", "part", (CompositeAttribute("r", "public.span"), CompositeAttribute("n", "text"))
    )
    [alter] = diff(Schema(composite_types=(INNER,)), Schema(composite_types=(two,)))
    assert isinstance(alter, AlterCompositeType) and alter.reversible
    swapped = CompositeType("public", "part", tuple(reversed(two.attributes)))
    [again] = diff(Schema(composite_types=(INNER,)), Schema(composite_types=(swapped,)))
    assert isinstance(again, RecreateCompositeType)


def test_type_changes_refused_while_a_kept_column_uses_the_type() -> None:
    table = Table("public", "t", (Column("s", "public.span"),))
    other = RangeType("public", "span", "bigint")
    with pytest.raises(PlanError, match=r"column public\.t\.s uses it"):
        diff(
            Schema(range_types=(SPAN,), tables=(table,)),
            Schema(range_types=(other,), tables=(table,)),
        )
    used = Table("public", "t", (Column("i", "public.part"),))
    retyped = CompositeType("public", "part", (CompositeAttribute("r", "text"),))
    with pytest.raises(PlanError, match="changing the type of attribute r"):
        diff(
            Schema(composite_types=(INNER,), tables=(used,)),
            Schema(composite_types=(retyped,), tables=(used,)),
        )


def test_privileges_of_a_recreated_view_are_revoked_before_and_granted_after() -> None:
    grant = Privilege(PrivilegeKind.TABLE, "public", "v", "reader", "SELECT")
    old = View("public", "v", " SELECT 1 AS n;", columns=())
    new = View("public", "v", " SELECT 1 AS n;", materialized=True)
    changes = diff(
        Schema(views=(old,), privileges=(grant,)), Schema(views=(new,), privileges=(grant,))
    )
    kinds = [type(c) for c in changes]
    assert kinds[0] is RemovePrivilege and kinds[-1] is AddPrivilege
    assert kinds.index(DropView) < kinds.index(AddPrivilege)


def test_unchanged_privileges_of_a_kept_object_plan_nothing() -> None:
    grant = Privilege(PrivilegeKind.TABLE, "public", "t", "reader", "SELECT")
    schema = Schema(tables=(USES,), composite_types=(OUTER, INNER), privileges=(grant,))
    assert diff(schema, schema) == []
    option = Privilege(PrivilegeKind.TABLE, "public", "t", "reader", "SELECT", grantable=True)
    changes = diff(
        schema, Schema(tables=(USES,), composite_types=(OUTER, INNER), privileges=(option,))
    )
    assert changes == [RemovePrivilege(grant), AddPrivilege(option)]
