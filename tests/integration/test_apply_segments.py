"""How a plan is cut into commit units (pure; no server): plan order is kept, consecutive
transactional steps share one transaction, each non-transactional step stands alone."""

from __future__ import annotations

from alembic_lockplane.apply.segments import resume_points, segments
from alembic_lockplane.plan.model import Step


def steps(kinds: str) -> tuple[Step, ...]:
    """'T' = transactional, 'N' = non-transactional; description = position."""
    return tuple(Step(str(i), (f"-- {i}",), transactional=k == "T") for i, k in enumerate(kinds))


def shape(kinds: str, start: int = 0) -> list[tuple[bool, list[str]]]:
    return [
        (unit.transactional, [s.description for s in unit.steps])
        for unit in segments(steps(kinds), start)
    ]


def test_all_transactional_is_one_transaction() -> None:
    assert shape("TTTT") == [(True, ["0", "1", "2", "3"])]


def test_non_transactional_steps_split_the_plan_in_order() -> None:
    assert shape("TTNTNNT") == [
        (True, ["0", "1"]),
        (False, ["2"]),
        (True, ["3"]),
        (False, ["4"]),
        (False, ["5"]),
        (True, ["6"]),
    ]


def test_starting_part_way() -> None:
    assert shape("TTNTT", start=2) == [(False, ["2"]), (True, ["3", "4"])]
    assert shape("TTNTT", start=3) == [(True, ["3", "4"])]


def test_empty_plan_has_no_units() -> None:
    assert shape("") == []


def test_resume_points_are_unit_boundaries() -> None:
    assert resume_points(steps("TTTT")) == ()
    assert resume_points(steps("TTNTT")) == (2, 3)
    assert resume_points(steps("NTT")) == (1,)
