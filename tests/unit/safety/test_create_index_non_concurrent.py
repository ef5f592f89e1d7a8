from safety_support import context, created, existing, found, index, users

from alembic_lockplane.diff.changes import CreateIndex, DropIndex
from alembic_lockplane.plan.model import Safety
from alembic_lockplane.safety.context import CONCURRENT_INDEX

CODE = "create_index_non_concurrent"
BY_EMAIL = index("users_email_idx", "email")


def test_an_index_on_an_existing_table_is_review() -> None:
    [f] = found(CreateIndex(BY_EMAIL), existing(users()), CODE)
    assert f.level is Safety.REVIEW
    assert "SHARE lock" in f.message
    assert "public.users_email_idx" in f.message
    assert "CONCURRENTLY" in f.hint


def test_a_table_created_in_the_plan_is_exempt() -> None:
    assert found(CreateIndex(BY_EMAIL), created(users()), CODE) == []


def test_concurrent_builds_are_not_flagged() -> None:
    ctx = context(current=existing(users()).current, strategies=frozenset({CONCURRENT_INDEX}))
    assert found(CreateIndex(BY_EMAIL), ctx, CODE) == []


def test_dropping_an_index_is_another_rule() -> None:
    assert found(DropIndex(BY_EMAIL), existing(users(), indexes=(BY_EMAIL,)), CODE) == []
