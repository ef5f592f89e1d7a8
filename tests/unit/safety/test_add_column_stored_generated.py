from safety_support import USERS, created, existing, found, users

from alembic_lockplane.diff.changes import AddColumn
from alembic_lockplane.model.objects import Column
from alembic_lockplane.plan.model import Safety

CODE = "add_column_stored_generated"
GENERATED = Column("double_id", "bigint", generated="(id * 2)")


def test_a_generated_column_on_an_existing_table_rewrites() -> None:
    [f] = found(AddColumn(USERS, GENERATED), existing(users()), CODE)
    assert f.level is Safety.REVIEW
    assert "rewritten" in f.message
    assert "public.users.double_id" in f.message


def test_plain_columns_and_new_tables_are_not_flagged() -> None:
    assert found(AddColumn(USERS, Column("x", "bigint")), existing(users()), CODE) == []
    assert found(AddColumn(USERS, GENERATED), created(users()), CODE) == []
