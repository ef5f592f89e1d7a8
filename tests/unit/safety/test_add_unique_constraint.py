from dataclasses import replace

from constraint_cases import ALL, UNIQUE
from safety_support import USERS, context, created, existing, found, users

from alembic_lockplane.diff.changes import AddConstraint, DropConstraint, ValidateConstraint
from alembic_lockplane.plan.model import Safety

CODE = "add_unique_constraint"


def test_adding_it_to_an_existing_table_is_review() -> None:
    [f] = found(AddConstraint(USERS, UNIQUE), existing(users()), CODE)
    assert f.level is Safety.REVIEW
    assert not f.blocking
    assert "ACCESS EXCLUSIVE" in f.message
    assert UNIQUE.name in f.message
    assert "public.users" in f.message


def test_other_constraint_kinds_are_left_to_their_own_rules() -> None:
    for other in ALL:
        if other is not UNIQUE:
            assert found(AddConstraint(USERS, other), existing(users()), CODE) == []


def test_a_table_created_in_the_plan_is_exempt() -> None:
    assert found(AddConstraint(USERS, UNIQUE), created(users()), CODE) == []


def test_dropping_or_validating_is_not_flagged() -> None:
    unvalidated = replace(UNIQUE, validated=False)
    assert found(DropConstraint(USERS, UNIQUE), existing(users()), CODE) == []
    assert found(ValidateConstraint(USERS, unvalidated, UNIQUE), existing(users()), CODE) == []


def test_the_lock_safe_strategy_silences_it() -> None:
    ctx = context(current=existing(users()).current, strategies=frozenset({"unique_via_index"}))
    assert found(AddConstraint(USERS, UNIQUE), ctx, CODE) == []
