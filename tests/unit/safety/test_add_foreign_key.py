from dataclasses import replace

from constraint_cases import ALL, FOREIGN_KEY
from safety_support import USERS, context, created, existing, found, users

from alembic_lockplane.diff.changes import AddConstraint, DropConstraint, ValidateConstraint
from alembic_lockplane.plan.model import Safety

CODE = "add_foreign_key"


def test_adding_it_to_an_existing_table_is_review() -> None:
    [f] = found(AddConstraint(USERS, FOREIGN_KEY), existing(users()), CODE)
    assert f.level is Safety.REVIEW
    assert not f.blocking
    assert "SHARE ROW EXCLUSIVE" in f.message
    assert FOREIGN_KEY.name in f.message
    assert "public.users" in f.message


def test_other_constraint_kinds_are_left_to_their_own_rules() -> None:
    for other in ALL:
        if other is not FOREIGN_KEY:
            assert found(AddConstraint(USERS, other), existing(users()), CODE) == []


def test_a_table_created_in_the_plan_is_exempt() -> None:
    assert found(AddConstraint(USERS, FOREIGN_KEY), created(users()), CODE) == []


def test_dropping_or_validating_is_not_flagged() -> None:
    unvalidated = replace(FOREIGN_KEY, validated=False)
    assert found(DropConstraint(USERS, FOREIGN_KEY), existing(users()), CODE) == []
    assert found(ValidateConstraint(USERS, unvalidated, FOREIGN_KEY), existing(users()), CODE) == []


def test_the_lock_safe_strategy_silences_it() -> None:
    ctx = context(
        current=existing(users()).current, strategies=frozenset({"not_valid_then_validate"})
    )
    assert found(AddConstraint(USERS, FOREIGN_KEY), ctx, CODE) == []


def test_added_not_valid_it_is_not_flagged() -> None:
    change = AddConstraint(USERS, replace(FOREIGN_KEY, validated=False))
    assert found(change, existing(users()), CODE) == []


def test_the_referenced_table_is_named() -> None:
    [f] = found(AddConstraint(USERS, FOREIGN_KEY), existing(users()), CODE)
    assert "public.orgs" in f.message
