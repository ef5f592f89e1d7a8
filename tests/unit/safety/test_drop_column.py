from safety_support import USERS, existing, found, users

from alembic_lockplane.diff.changes import AddColumn, DropColumn
from alembic_lockplane.model.objects import Column
from alembic_lockplane.plan.model import Safety

CODE = "drop_column"


def test_dropping_a_column_is_dangerous_and_blocking() -> None:
    [f] = found(DropColumn(USERS, Column("email", "text")), existing(users()), CODE)
    assert f.level is Safety.DANGEROUS
    assert f.blocking
    assert "public.users.email" in f.message
    assert "without its data" in f.message


def test_adding_a_column_is_not_flagged() -> None:
    assert found(AddColumn(USERS, Column("nick", "text")), existing(users()), CODE) == []


def test_the_reverse_of_an_add_is_flagged() -> None:
    """The rollback of AddColumn drops the column: assessed, it says so."""
    change = AddColumn(USERS, Column("nick", "text")).reverse()
    assert len(found(change, existing(users()), CODE)) == 1
