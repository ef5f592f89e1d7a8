from safety_support import existing, found

from alembic_lockplane.diff.changes import AlterSequence, CreateSequence, DropSequence
from alembic_lockplane.model.objects import Sequence
from alembic_lockplane.plan.model import Safety

CODE = "drop_sequence"
SEQ = Sequence("public", "invoice_no", start=1000)


def test_dropping_a_sequence_is_dangerous_and_blocking() -> None:
    [f] = found(DropSequence(SEQ), existing(), CODE)
    assert f.level is Safety.DANGEROUS
    assert f.blocking
    assert "public.invoice_no" in f.message
    assert "starting at 1000" in f.message


def test_creating_or_altering_a_sequence_is_not_flagged() -> None:
    assert found(CreateSequence(SEQ), existing(), CODE) == []
    assert (
        found(AlterSequence(SEQ, Sequence("public", "invoice_no", cache=10)), existing(), CODE)
        == []
    )
