from safety_support import existing, found

from alembic_lockplane.diff.changes import CreateSchema, DropSchema
from alembic_lockplane.model.objects import Namespace
from alembic_lockplane.plan.model import Safety

CODE = "drop_schema"


def test_dropping_a_schema_is_dangerous_but_not_blocking() -> None:
    [f] = found(DropSchema(Namespace("Billing")), existing(), CODE)
    assert f.level is Safety.DANGEROUS
    assert not f.blocking  # its tables carry their own blocking drop_table findings
    assert '"Billing"' in f.message


def test_creating_a_schema_is_not_flagged() -> None:
    assert found(CreateSchema(Namespace("billing")), existing(), CODE) == []
