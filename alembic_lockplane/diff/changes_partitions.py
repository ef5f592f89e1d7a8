"""Changes to how a table takes part in partitioning and inheritance.

A partition whose bound or parent changes is detached and attached again: ``DETACH
PARTITION`` keeps the rows (in the now standalone table), ``ATTACH PARTITION`` checks them
against the new bound. ``INHERIT`` / ``NO INHERIT`` link a table to an inheritance parent.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from alembic_lockplane.diff.keys import TableKey
from alembic_lockplane.model.objects import PartitionOf, TableRef

if TYPE_CHECKING:
    from alembic_lockplane.diff.changes import Change


@dataclass(frozen=True)
class AttachPartition:
    """``ALTER TABLE parent ATTACH PARTITION table FOR VALUES ...``."""

    table: TableKey
    partition_of: PartitionOf

    def reverse(self) -> Change:
        return DetachPartition(self.table, self.partition_of)


@dataclass(frozen=True)
class DetachPartition:
    """``ALTER TABLE parent DETACH PARTITION table``: the rows stay in the table."""

    table: TableKey
    partition_of: PartitionOf

    def reverse(self) -> Change:
        return AttachPartition(self.table, self.partition_of)


@dataclass(frozen=True)
class AddInherit:
    """``ALTER TABLE table INHERIT parent``."""

    table: TableKey
    parent: TableRef

    def reverse(self) -> Change:
        return DropInherit(self.table, self.parent)


@dataclass(frozen=True)
class DropInherit:
    """``ALTER TABLE table NO INHERIT parent``."""

    table: TableKey
    parent: TableRef

    def reverse(self) -> Change:
        return AddInherit(self.table, self.parent)
