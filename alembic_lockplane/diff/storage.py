"""Replica identities resting on an index the plan drops and creates again.

Dropping the index a table's ``REPLICA IDENTITY USING INDEX`` names leaves the table
logging no key, and the index created again in its place is not the replica identity:
the identity is reset before the drop and set again after the create.
"""

from __future__ import annotations

from alembic_lockplane.diff.changes import (
    Change,
    CreateTable,
    DropConstraint,
    DropIndex,
    TableKey,
)
from alembic_lockplane.diff.changes_storage import SetReplicaIdentity
from alembic_lockplane.model.objects import Schema


def replica_identities_rebuilt(
    current: Schema, desired: Schema, changes: list[Change]
) -> list[Change]:
    dropped: set[tuple[str, str]] = set()
    touched: set[TableKey] = set()
    for change in changes:
        if isinstance(change, DropIndex):
            dropped.add((change.old.schema, change.old.name))
        elif isinstance(change, DropConstraint):
            dropped.add((change.table.schema, change.old.name))
        elif isinstance(change, SetReplicaIdentity | CreateTable):
            touched.add(change.table)
    out: list[Change] = []
    for table in desired.tables:
        key = TableKey(table.schema, table.name)
        index = table.replica_identity_index
        old = current.table(table.schema, table.name)
        if index is None or key in touched or old is None:
            continue
        if (table.schema, index) in dropped and old.replica_identity_index == index:
            out.append(SetReplicaIdentity(key, "INDEX", index, None, None))
            out.append(SetReplicaIdentity(key, None, None, "INDEX", index))
    return out
