from safety_support import USERS, existing, found, users

from alembic_lockplane.diff.changes import ReplaceGeneratedColumn
from alembic_lockplane.model.objects import Column
from alembic_lockplane.plan.model import Safety

CODE = "generated_expression_change"
PLAIN = Column("total", "numeric")
GENERATED = Column("total", "numeric", generated="(price * qty)")
OTHER = Column("total", "numeric", generated="(price * qty * 2)")


def test_a_new_expression_rewrites_the_table() -> None:
    [f] = found(ReplaceGeneratedColumn(USERS, GENERATED, OTHER), existing(users()), CODE)
    assert f.level is Safety.REVIEW
    assert not f.blocking
    assert "rewrite" in f.message


def test_plain_to_generated_is_the_other_rule() -> None:
    assert found(ReplaceGeneratedColumn(USERS, PLAIN, GENERATED), existing(users()), CODE) == []
