"""An enum whose values are removed, renamed or reordered is recreated; a function or a
domain typed with it would keep the old type alive, so the plan refuses clearly."""

from __future__ import annotations

import pytest

from alembic_lockplane.diff.diff import diff
from alembic_lockplane.errors import PlanError
from alembic_lockplane.model.objects import Domain, EnumType, Function, Schema

OLD = EnumType("public", "color", ("red", "green", "blue"))
NEW = EnumType("public", "color", ("red", "green"))


def _fn(identity: str, result: str) -> Function:
    return Function(
        "public",
        "is_warm",
        identity=identity,
        arguments=f"c {identity}" if identity else "",
        definition="CREATE FUNCTION ...",
        argument_list=f"c {identity}" if identity else "",
        result=result,
    )


@pytest.mark.parametrize(
    ("identity", "result"), [("public.color", "boolean"), ("", "public.color[]")]
)
def test_a_function_typed_with_the_enum_stops_the_plan(identity: str, result: str) -> None:
    fn = _fn(identity, result)
    with pytest.raises(PlanError, match=r"enum public.color: .*function public.is_warm"):
        diff(Schema(enums=(OLD,), functions=(fn,)), Schema(enums=(NEW,), functions=(fn,)))


def test_a_domain_over_the_enum_stops_the_plan() -> None:
    domain = Domain("public", "warm", base_type="public.color")
    with pytest.raises(PlanError, match=r"domain public\.warm"):
        diff(Schema(enums=(OLD,), domains=(domain,)), Schema(enums=(NEW,), domains=(domain,)))


def test_a_function_on_another_enum_with_a_longer_name_does_not() -> None:
    fn = _fn("public.color_extra", "boolean")
    changes = diff(Schema(enums=(OLD,), functions=(fn,)), Schema(enums=(NEW,), functions=(fn,)))
    assert len(changes) == 1


def test_adding_a_value_is_still_planned() -> None:
    fn = _fn("public.color", "boolean")
    grown = EnumType("public", "color", ("red", "green", "blue", "black"))
    assert diff(Schema(enums=(OLD,), functions=(fn,)), Schema(enums=(grown,), functions=(fn,)))
