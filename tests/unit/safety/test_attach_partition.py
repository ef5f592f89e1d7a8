from safety_support import context, found

from alembic_lockplane.diff.changes import AttachPartition, DetachPartition, TableKey
from alembic_lockplane.model.objects import PartitionOf
from alembic_lockplane.plan.model import Safety

CODE = "attach_partition"
EVENTS_2024 = TableKey("public", "events_2024")
BOUND = PartitionOf("public", "events", "FOR VALUES FROM ('2023-07-01') TO ('2025-01-01')")


def test_attaching_an_existing_table_is_review_and_names_the_bound() -> None:
    [f] = found(AttachPartition(EVENTS_2024, BOUND), context(), CODE)
    assert f.level is Safety.REVIEW
    assert not f.blocking
    assert "public.events_2024" in f.message
    assert "public.events" in f.message
    assert "FROM ('2023-07-01')" in f.message
    assert "--allow attach_partition" in f.hint


def test_a_table_created_by_the_plan_is_not_flagged() -> None:
    ctx = context(created_tables=frozenset({("public", "events_2024")}))
    assert found(AttachPartition(EVENTS_2024, BOUND), ctx, CODE) == []


def test_detaching_is_not_this_rule() -> None:
    assert found(DetachPartition(EVENTS_2024, BOUND), context(), CODE) == []
