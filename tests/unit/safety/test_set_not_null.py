from safety_support import USERS, context, created, existing, found, users

from alembic_lockplane.diff.changes import DropNotNull, SetNotNull
from alembic_lockplane.model.objects import Column, Constraint, ConstraintKind
from alembic_lockplane.plan.model import Safety
from alembic_lockplane.safety.context import NOT_NULL_VIA_CHECK

CODE = "set_not_null"
NULLABLE = Column("email", "text")
REQUIRED = Column("email", "text", not_null=True)
CHANGE = SetNotNull(USERS, NULLABLE, REQUIRED)


def check(validated: bool, definition: str = "CHECK ((email IS NOT NULL))") -> Constraint:
    return Constraint("email_nn", ConstraintKind.CHECK, definition, validated=validated)


def test_set_not_null_on_an_existing_table_is_review() -> None:
    [f] = found(CHANGE, existing(users()), CODE)
    assert f.level is Safety.REVIEW
    assert not f.blocking
    assert "ACCESS EXCLUSIVE" in f.message
    assert "public.users.email" in f.message
    assert "CHECK (email IS NOT NULL) NOT VALID" in f.hint


def test_a_validated_not_null_check_makes_the_scan_unnecessary() -> None:
    table = users(NULLABLE, constraints=(check(validated=True),))
    assert found(CHANGE, existing(table), CODE) == []


def test_an_unvalidated_or_different_check_does_not() -> None:
    for constraint in (check(False), check(True, "CHECK ((email <> ''::text))")):
        table = users(NULLABLE, constraints=(constraint,))
        assert len(found(CHANGE, existing(table), CODE)) == 1


def test_the_not_null_via_check_strategy_silences_it() -> None:
    ctx = context(current=existing(users()).current, strategies=frozenset({NOT_NULL_VIA_CHECK}))
    assert found(CHANGE, ctx, CODE) == []


def test_new_tables_and_drop_not_null_are_not_flagged() -> None:
    assert found(CHANGE, created(users()), CODE) == []
    assert found(DropNotNull(USERS, REQUIRED, NULLABLE), existing(users()), CODE) == []
