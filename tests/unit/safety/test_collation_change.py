from dataclasses import replace

from safety_support import USERS, context, existing, found, index, users

from alembic_lockplane.diff.changes import AlterColumnCollation
from alembic_lockplane.model.objects import Column, Constraint, ConstraintKind, Schema
from alembic_lockplane.plan.model import Safety

CODE = "collation_change"
OLD = Column("email", "text")
NEW = Column("email", "text", collation='"C"')
CHANGE = AlterColumnCollation(USERS, OLD, NEW)


def test_an_indexed_column_is_review() -> None:
    [f] = found(CHANGE, existing(users(), indexes=(index("by_email", "email"),)), CODE)
    assert f.level is Safety.REVIEW
    assert "public.by_email" in f.message
    assert "ACCESS EXCLUSIVE" in f.message


def test_a_unique_constraint_counts() -> None:
    unique = Constraint("email_key", ConstraintKind.UNIQUE, "UNIQUE (email)", columns=("email",))
    [f] = found(CHANGE, existing(users(OLD, constraints=(unique,))), CODE)
    assert "email_key" in f.message


def test_indexes_the_plan_rebuilds_itself_are_not_counted() -> None:
    """An index whose definition changes with the collation is dropped and created by its own
    steps (flagged by the index rules); the ALTER does not rebuild it."""
    before = index("by_email", "email")
    after = replace(before, definition=before.definition.replace("email", 'email COLLATE "C"'))
    ctx = context(
        current=Schema(tables=(users(),), indexes=(before,)),
        desired=Schema(tables=(users(),), indexes=(after,)),
    )
    assert found(CHANGE, ctx, CODE) == []


def test_an_unindexed_column_is_not_flagged() -> None:
    assert found(CHANGE, existing(users(), indexes=(index("by_id", "id"),)), CODE) == []
