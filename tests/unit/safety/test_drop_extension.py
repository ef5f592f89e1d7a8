from safety_support import existing, found

from alembic_lockplane.diff.changes import CreateExtension, DropExtension
from alembic_lockplane.model.objects import Extension
from alembic_lockplane.plan.model import Safety

CODE = "drop_extension"
TRGM = Extension("pg_trgm", "public")


def test_dropping_an_extension_is_dangerous() -> None:
    [f] = found(DropExtension(TRGM), existing(), CODE)
    assert f.level is Safety.DANGEROUS
    assert "pg_trgm" in f.message


def test_creating_an_extension_is_not_flagged() -> None:
    assert found(CreateExtension(TRGM), existing(), CODE) == []
