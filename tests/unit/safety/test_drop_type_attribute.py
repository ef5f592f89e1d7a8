from safety_support import context, found

from alembic_lockplane.diff.changes_types import AlterCompositeType
from alembic_lockplane.model.objects import Column, Schema, Table
from alembic_lockplane.model.types import CompositeAttribute, CompositeType
from alembic_lockplane.plan.model import Safety

CODE = "drop_type_attribute"
OLD = CompositeType(
    "public", "address", (CompositeAttribute("street", "text"), CompositeAttribute("zip", "text"))
)
NEW = CompositeType("public", "address", (CompositeAttribute("street", "text"),))


def _stored(*types: str) -> Schema:
    columns = tuple(Column(f"c{i}", t) for i, t in enumerate(types))
    return Schema(tables=(Table("public", "customers", (Column("id", "integer"), *columns)),))


def test_dropping_an_attribute_a_column_stores_is_dangerous_and_blocking() -> None:
    ctx = context(current=_stored("public.address"), desired=_stored("public.address"))
    [f] = found(AlterCompositeType(OLD, NEW), ctx, CODE)
    assert f.level is Safety.DANGEROUS
    assert f.blocking
    assert "public.address.zip" in f.message
    assert "public.customers.c0" in f.message


def test_an_array_of_the_type_counts_as_storing_it() -> None:
    ctx = context(current=_stored("public.address[]", "public.address"))
    [f] = found(AlterCompositeType(OLD, NEW), ctx, CODE)
    assert "(and 1 more)" in f.message


def test_a_type_no_column_uses_is_not_flagged() -> None:
    ctx = context(current=_stored("text", "public.address_book"))
    assert found(AlterCompositeType(OLD, NEW), ctx, CODE) == []


def test_adding_an_attribute_is_not_flagged() -> None:
    ctx = context(current=_stored("public.address"))
    assert found(AlterCompositeType(NEW, OLD), ctx, CODE) == []
