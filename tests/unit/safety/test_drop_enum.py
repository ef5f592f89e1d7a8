from safety_support import existing, found

from alembic_lockplane.diff.changes import CreateEnum, DropEnum
from alembic_lockplane.model.objects import EnumType
from alembic_lockplane.plan.model import Safety

CODE = "drop_enum"
MOOD = EnumType("public", "mood", ("sad", "ok"))


def test_dropping_an_enum_is_dangerous() -> None:
    [f] = found(DropEnum(MOOD), existing(), CODE)
    assert f.level is Safety.DANGEROUS
    assert "public.mood" in f.message


def test_creating_an_enum_is_not_flagged() -> None:
    assert found(CreateEnum(MOOD), existing(), CODE) == []
