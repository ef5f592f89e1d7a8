"""SQL, descriptions and locks of the partition and inheritance changes.

``ATTACH PARTITION`` takes SHARE UPDATE EXCLUSIVE on the parent and ACCESS EXCLUSIVE on the
table attached (which it scans to check the bound, as it scans a default partition for rows
that now belong to the new one); ``DETACH PARTITION`` (not ``CONCURRENTLY``, which cannot run
in a transaction) and ``INHERIT`` / ``NO INHERIT`` take ACCESS EXCLUSIVE on the table.
"""

from __future__ import annotations

from alembic_lockplane.diff.changes_partitions import (
    AddInherit,
    AttachPartition,
    DetachPartition,
    DropInherit,
)
from alembic_lockplane.render.describe import display
from alembic_lockplane.render.quote import qualified
from alembic_lockplane.render.sql import alter_table, table_name

PartitionChange = AttachPartition | DetachPartition | AddInherit | DropInherit

ACCESS_EXCLUSIVE = "ACCESS EXCLUSIVE"


def partition_statements(change: PartitionChange) -> list[str]:
    match change:
        case AttachPartition(table=key, partition_of=of):
            parent = qualified(of.schema, of.table)
            return [f"ALTER TABLE {parent} ATTACH PARTITION {table_name(key)} {of.bound}"]
        case DetachPartition(table=key, partition_of=of):
            parent = qualified(of.schema, of.table)
            return [f"ALTER TABLE {parent} DETACH PARTITION {table_name(key)}"]
        case AddInherit(table=key, parent=ref):
            return [alter_table(key, f"INHERIT {qualified(ref.schema, ref.name)}")]
        case DropInherit(table=key, parent=ref):
            return [alter_table(key, f"NO INHERIT {qualified(ref.schema, ref.name)}")]


def partition_description(change: PartitionChange) -> str:
    match change:
        case AttachPartition(table=key, partition_of=of):
            parent = display(of.schema, of.table)
            return f"Attach table {display(*key)} to {parent} as partition {of.bound}"
        case DetachPartition(table=key, partition_of=of):
            return f"Detach partition {display(*key)} from {display(of.schema, of.table)}"
        case AddInherit(table=key, parent=ref):
            return f"Make table {display(*key)} inherit from {display(ref.schema, ref.name)}"
        case DropInherit(table=key, parent=ref):
            return f"Stop table {display(*key)} inheriting from {display(ref.schema, ref.name)}"


def partition_lock(change: PartitionChange) -> str:
    return ACCESS_EXCLUSIVE
