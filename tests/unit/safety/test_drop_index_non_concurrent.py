from safety_support import context, existing, found, index, users

from alembic_lockplane.diff.changes import CreateIndex, DropIndex
from alembic_lockplane.model.objects import Schema
from alembic_lockplane.plan.model import Safety
from alembic_lockplane.safety.context import CONCURRENT_INDEX

CODE = "drop_index_non_concurrent"
BY_EMAIL = index("users_email_idx", "email")


def test_dropping_an_index_of_an_existing_table_is_review() -> None:
    [f] = found(DropIndex(BY_EMAIL), existing(users(), indexes=(BY_EMAIL,)), CODE)
    assert f.level is Safety.REVIEW
    assert "ACCESS EXCLUSIVE" in f.message
    assert "DROP INDEX CONCURRENTLY" in f.hint


def test_concurrent_drops_and_creates_are_not_flagged() -> None:
    ctx = context(current=existing(users()).current, strategies=frozenset({CONCURRENT_INDEX}))
    assert found(DropIndex(BY_EMAIL), ctx, CODE) == []
    assert found(CreateIndex(BY_EMAIL), existing(users()), CODE) == []


def test_indexes_of_a_table_the_plan_drops_are_left_to_drop_table() -> None:
    ctx = context(current=Schema(tables=(users(),), indexes=(BY_EMAIL,)))
    assert found(DropIndex(BY_EMAIL), ctx, CODE) == []
