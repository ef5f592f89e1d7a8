from safety_support import context, found

from alembic_lockplane.diff.changes import AttachPartition, DetachPartition, TableKey
from alembic_lockplane.model.objects import PartitionOf
from alembic_lockplane.plan.model import Safety

CODE = "detach_partition"
PART = TableKey("Sales", "events_2024")
BOUND = PartitionOf("Sales", "events", "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')")


def test_detaching_keeps_rows_so_it_is_review_not_dangerous() -> None:
    [f] = found(DetachPartition(PART, BOUND), context(), CODE)
    assert f.level is Safety.REVIEW
    assert not f.blocking
    assert "rows stay in" in f.message
    assert "--allow detach_partition" in f.hint


def test_names_are_spelled_as_sql() -> None:
    [f] = found(DetachPartition(PART, BOUND), context(), CODE)
    assert '"Sales".events_2024' in f.message
    assert '"Sales".events ' in f.message


def test_attaching_is_not_this_rule() -> None:
    assert found(AttachPartition(PART, BOUND), context(), CODE) == []
