from safety_support import USERS, context, existing, found, users

from alembic_lockplane.diff.changes import AddColumn, DropColumn
from alembic_lockplane.model.objects import Column, Schema
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


def test_a_generated_column_dropped_to_be_recomputed_is_not_flagged() -> None:
    """Retyping a column a generated column reads drops and re-adds the generated one:
    nothing is lost, its values are computed again."""
    total = Column("total", "numeric", generated="(price * 2)")
    table = users(Column("price", "numeric"), total)
    assert found(DropColumn(USERS, total), existing(table), CODE) == []


def test_a_generated_column_that_goes_away_is_flagged() -> None:
    total = Column("total", "numeric", generated="(price * 2)")
    ctx = context(
        current=Schema(tables=(users(Column("price", "numeric"), total),)),
        desired=Schema(tables=(users(Column("price", "numeric")),)),
    )
    assert len(found(DropColumn(USERS, total), ctx, CODE)) == 1
