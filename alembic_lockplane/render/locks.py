"""The strongest table lock a change's SQL takes on a table that already exists.

From PostgreSQL's documentation of each command (same on 13-18): most ``ALTER TABLE``
forms, ``DROP``, policies and RLS flags take ACCESS EXCLUSIVE (blocks reads and writes);
``ADD FOREIGN KEY`` takes SHARE ROW EXCLUSIVE on both tables; ``VALIDATE CONSTRAINT`` and
``COMMENT ON`` take SHARE UPDATE EXCLUSIVE (reads and writes go on); ``CREATE INDEX``
takes SHARE (blocks writes). Changes that touch no table (schemas, types, sequences,
extensions) report none.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import assert_never

from alembic_lockplane.diff.changes import (
    AddColumn,
    AddConstraint,
    AddEnumValue,
    AddIdentity,
    AddInherit,
    AlterColumnCollation,
    AlterColumnType,
    AlterDomain,
    AlterExtension,
    AlterIdentity,
    AlterPolicy,
    AlterSequence,
    AttachPartition,
    Change,
    CommentKind,
    CommentObject,
    CreateDomain,
    CreateEnum,
    CreateExtension,
    CreateFunction,
    CreateIndex,
    CreatePolicy,
    CreateSchema,
    CreateSequence,
    CreateTable,
    CreateTrigger,
    CreateView,
    DetachPartition,
    DisableRowLevelSecurity,
    DropColumn,
    DropConstraint,
    DropDefault,
    DropDomain,
    DropEnum,
    DropExtension,
    DropFunction,
    DropIdentity,
    DropIndex,
    DropInherit,
    DropNotNull,
    DropPolicy,
    DropSchema,
    DropSequence,
    DropTable,
    DropTrigger,
    DropView,
    EnableRowLevelSecurity,
    ForceRowLevelSecurity,
    InvalidateConstraint,
    NoForceRowLevelSecurity,
    RecreateEnum,
    RecreateFunction,
    ReplaceFunction,
    ReplaceGeneratedColumn,
    ReplaceView,
    SetComment,
    SetDefault,
    SetNotNull,
    SetSequenceOwnedBy,
    ValidateConstraint,
)
from alembic_lockplane.diff.changes_collations import (
    CreateCollation,
    DropCollation,
    RecreateCollation,
)
from alembic_lockplane.diff.changes_storage import (
    AlterColumnStorage,
    SetLogged,
    SetReplicaIdentity,
    SetTableOptions,
)
from alembic_lockplane.diff.changes_types import (
    AddPrivilege,
    AlterCompositeType,
    CommentType,
    CreateCompositeType,
    CreateRangeType,
    DropCompositeType,
    DropRangeType,
    RecreateCompositeType,
    RecreateRangeType,
    RemovePrivilege,
    SetOwner,
)
from alembic_lockplane.model.objects import ConstraintKind
from alembic_lockplane.render.collations import collation_lock
from alembic_lockplane.render.objects import object_lock
from alembic_lockplane.render.partitions import partition_lock
from alembic_lockplane.render.storage import storage_lock
from alembic_lockplane.render.types import type_lock

ACCESS_EXCLUSIVE = "ACCESS EXCLUSIVE"
SHARE_ROW_EXCLUSIVE = "SHARE ROW EXCLUSIVE"
SHARE = "SHARE"
SHARE_UPDATE_EXCLUSIVE = "SHARE UPDATE EXCLUSIVE"

_TABLE_COMMENTS = (CommentKind.TABLE, CommentKind.COLUMN, CommentKind.CONSTRAINT, CommentKind.INDEX)


def strongest_lock(change: Change) -> str | None:
    match change:
        case AddConstraint(new=con) if con.kind is ConstraintKind.FOREIGN_KEY:
            return SHARE_ROW_EXCLUSIVE
        case ValidateConstraint():
            return SHARE_UPDATE_EXCLUSIVE
        case CreateIndex():
            return SHARE
        case SetComment(target=target):
            return SHARE_UPDATE_EXCLUSIVE if target.kind in _TABLE_COMMENTS else None
        case (
            AddColumn()
            | DropColumn()
            | AlterColumnType()
            | AlterColumnCollation()
            | SetNotNull()
            | DropNotNull()
            | SetDefault()
            | DropDefault()
            | AddIdentity()
            | DropIdentity()
            | AlterIdentity()
            | ReplaceGeneratedColumn()
            | AddConstraint()
            | DropConstraint()
            | InvalidateConstraint()
            | DropIndex()
            | DropTable()
            | CreatePolicy()
            | DropPolicy()
            | AlterPolicy()
            | EnableRowLevelSecurity()
            | DisableRowLevelSecurity()
            | ForceRowLevelSecurity()
            | NoForceRowLevelSecurity()
        ):
            return ACCESS_EXCLUSIVE
        case RecreateEnum(uses=uses):
            return ACCESS_EXCLUSIVE if uses else None
        case (
            CreateSchema()
            | DropSchema()
            | CreateExtension()
            | DropExtension()
            | AlterExtension()
            | CreateEnum()
            | DropEnum()
            | AddEnumValue()
            | CreateSequence()
            | DropSequence()
            | AlterSequence()
            | SetSequenceOwnedBy()
            | CreateTable()
        ):
            return None
        case (
            CreateView()
            | DropView()
            | ReplaceView()
            | CreateFunction()
            | DropFunction()
            | ReplaceFunction()
            | RecreateFunction()
            | CreateTrigger()
            | DropTrigger()
            | CreateDomain()
            | DropDomain()
            | AlterDomain()
            | CommentObject()
        ):
            return object_lock(change)
        case AttachPartition() | DetachPartition() | AddInherit() | DropInherit():
            return partition_lock(change)
        case (
            CreateCompositeType()
            | DropCompositeType()
            | AlterCompositeType()
            | RecreateCompositeType()
            | CreateRangeType()
            | DropRangeType()
            | RecreateRangeType()
            | CommentType()
            | AddPrivilege()
            | RemovePrivilege()
            | SetOwner()
        ):
            return type_lock(change)
        case SetTableOptions() | SetLogged() | SetReplicaIdentity() | AlterColumnStorage():
            return storage_lock(change)
        case CreateCollation() | DropCollation() | RecreateCollation():
            return collation_lock(change)
        case _:
            assert_never(change)


@dataclass(frozen=True)
class TableWork:
    """What a step does to the rows of a table that exists before the plan.

    ``rewrites``: every row is written to a new file (and every index rebuilt) while the
    step's lock is held. ``scans``: every row is read while the lock is held (a rewrite
    reads them too, so ``rewrites`` implies ``scans``). Both ``False`` means a catalog
    change that is quick whatever the table's size.
    """

    rewrites: bool = False
    scans: bool = False


NO_WORK = TableWork()
SCAN = TableWork(scans=True)
REWRITE = TableWork(rewrites=True, scans=True)


def table_work(change: Change) -> TableWork:
    """The work PostgreSQL does on the rows when the change runs plainly (PG 11+):

    * ``ADD COLUMN``: no rewrite with no default or a non-volatile one (stored once in the
      catalog), a rewrite with a volatile default, an identity or a stored generated
      column; ``NOT NULL`` with neither default nor identity scans (every row must be
      checked, and fails on a table with rows);
    * ``ALTER COLUMN TYPE``: a rewrite unless the old values are valid in the new type bit
      for bit (``safety/types.py``: ``varchar(n)`` -> ``varchar(m >= n)`` / ``text``, ...);
      a change of collation alone keeps the rows but rebuilds the indexes on the column,
      which reads the table (a scan);
    * ``SET NOT NULL``, a validated ``CHECK`` / ``FOREIGN KEY``, ``VALIDATE CONSTRAINT``,
      ``UNIQUE`` / ``PRIMARY KEY`` / ``EXCLUDE`` (they build an index), ``CREATE INDEX``:
      scan;
    * an enum re-created under columns that use it converts those columns: a rewrite;
    * a domain that gains a ``CHECK`` or ``NOT NULL`` checks every column of that type: a
      scan;
    * ``ATTACH PARTITION`` reads the table to check the bound: a scan;
    * ``SET LOGGED`` / ``SET UNLOGGED``: a rewrite.

    Everything else (drops, defaults, renames, comments, policies, objects without rows)
    changes the catalog only.
    """
    from alembic_lockplane.safety.types import classify
    from alembic_lockplane.safety.volatility import volatile_calls

    match change:
        case AddColumn(new=col):
            if col.identity is not None or col.generated is not None:
                return REWRITE
            if col.default is not None and volatile_calls(col.default):
                return REWRITE
            return SCAN if col.not_null and col.default is None else NO_WORK
        case AlterColumnType(old=old, new=new):
            return REWRITE if classify(old.type, new.type).rewrite else NO_WORK
        case ReplaceGeneratedColumn():
            return REWRITE
        case AlterColumnCollation():
            return SCAN
        case SetNotNull() | ValidateConstraint() | CreateIndex():
            return SCAN
        case AddConstraint(new=con):
            return SCAN if con.validated else NO_WORK
        case RecreateEnum(uses=uses):
            return REWRITE if uses else NO_WORK
        case AlterDomain(old=old, new=new):
            added = {c.definition for c in new.constraints if c.validated} - {
                c.definition for c in old.constraints if c.validated
            }
            return SCAN if added or (new.not_null and not old.not_null) else NO_WORK
        case AttachPartition():
            return SCAN  # the rows are checked against the bound
        case SetLogged():
            return REWRITE  # the table and its indexes are written anew (WAL-logged or not)
        case RecreateCollation(uses=uses):
            return SCAN if uses else NO_WORK  # columns moved over: their indexes rebuilt
        case _:
            return NO_WORK
