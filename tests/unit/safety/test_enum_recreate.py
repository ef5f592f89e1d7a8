from safety_support import USERS, created, existing, found, users

from alembic_lockplane.diff.changes import EnumColumnUse, RecreateEnum
from alembic_lockplane.model.objects import Column, EnumType
from alembic_lockplane.plan.model import Safety

CODE = "enum_recreate"
OLD = EnumType("public", "mood", ("sad", "ok"))
NEW = EnumType("public", "mood", ("ok", "sad", "meh", "great"))
USE = (EnumColumnUse(USERS, Column("mood", "public.mood")),)


def test_a_recreate_names_every_rewritten_column() -> None:
    [f] = found(RecreateEnum(OLD, NEW, USE), existing(users()), CODE)
    assert f.level is Safety.REVIEW
    assert "public.users.mood" in f.message
    assert "rewritten" in f.message


def test_a_type_no_existing_table_uses_is_not_flagged() -> None:
    assert found(RecreateEnum(OLD, NEW), existing(users()), CODE) == []
    assert found(RecreateEnum(OLD, NEW, USE), created(users()), CODE) == []
