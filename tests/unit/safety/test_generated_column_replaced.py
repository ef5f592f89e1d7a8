from safety_support import USERS, created, existing, found, users

from alembic_lockplane.diff.changes import ReplaceGeneratedColumn
from alembic_lockplane.model.objects import Column
from alembic_lockplane.plan.model import Safety

CODE = "generated_column_replaced"
PLAIN = Column("total", "numeric")
GENERATED = Column("total", "numeric", generated="(price * qty)")
OTHER = Column("total", "numeric", generated="(price * qty * 2)")


def test_a_plain_column_turned_generated_loses_its_values() -> None:
    [f] = found(ReplaceGeneratedColumn(USERS, PLAIN, GENERATED), existing(users()), CODE)
    assert f.level is Safety.DANGEROUS
    assert f.blocking
    assert "replaced by computed ones" in f.message


def test_a_generated_column_turned_plain_comes_back_empty() -> None:
    [f] = found(ReplaceGeneratedColumn(USERS, GENERATED, PLAIN), existing(users()), CODE)
    assert "no values" in f.message


def test_a_new_expression_only_recomputes() -> None:
    assert found(ReplaceGeneratedColumn(USERS, GENERATED, OTHER), existing(users()), CODE) == []
    assert found(ReplaceGeneratedColumn(USERS, PLAIN, GENERATED), created(users()), CODE) == []
