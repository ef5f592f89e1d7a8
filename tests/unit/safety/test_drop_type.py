from safety_support import existing, found

from alembic_lockplane.diff.changes_types import (
    AlterCompositeType,
    CreateRangeType,
    DropCompositeType,
    DropRangeType,
    RecreateRangeType,
)
from alembic_lockplane.model.types import CompositeAttribute, CompositeType, RangeType
from alembic_lockplane.plan.model import Safety

CODE = "drop_type"
PAIR = CompositeType("public", "pair", (CompositeAttribute("a", "integer"),))
SPAN = RangeType("app", "span", "integer")


def test_dropping_a_composite_type_is_dangerous_but_not_blocking() -> None:
    [f] = found(DropCompositeType(PAIR), existing(), CODE)
    assert f.level is Safety.DANGEROUS
    assert not f.blocking
    assert "composite type public.pair" in f.message


def test_dropping_a_range_type_names_it() -> None:
    [f] = found(DropRangeType(SPAN), existing(), CODE)
    assert "range type app.span" in f.message


def test_creating_altering_or_recreating_is_not_flagged() -> None:
    other = RangeType("app", "span", "bigint")
    assert found(CreateRangeType(SPAN), existing(), CODE) == []
    assert found(RecreateRangeType(SPAN, other), existing(), CODE) == []
    assert found(AlterCompositeType(PAIR, PAIR), existing(), CODE) == []
