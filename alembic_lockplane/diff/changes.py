"""The closed set of changes a plan is made of.

Each change is plain frozen data holding the model objects it touches: ``new`` for what
is created, ``old`` for what is dropped, both for what is altered, plus ``table`` (a
``TableKey``) when it belongs to a table. Every change has a pure ``reverse()``: the
rollback of a step is ``render(change.reverse())``, never string surgery, so downgrades
come from the same code path as upgrades. Safety rules and the renderer ``match`` on
the ``Change`` union, so the type checker lists every case they do not handle.

Shapes the diff guarantees (and the renderer relies on):

* ``CreateTable.new`` / ``DropTable.old`` hold no foreign keys and no policies (those are
  separate ``AddConstraint``/``CreatePolicy`` changes, so tables can be created in any
  order), and no constraint with ``validated=False`` (PostgreSQL ignores ``NOT VALID``
  inside ``CREATE TABLE``).
* ``CreateSequence.new`` / ``DropSequence.old`` have ``owned_by=None``: ownership is a
  separate ``SetSequenceOwnedBy`` change, set once the owning table exists and cleared
  before it is dropped (dropping an owning column drops the sequence with it).
"""

from __future__ import annotations

from dataclasses import replace

from alembic_lockplane.diff.changes_collations import (
    CreateCollation,
    DropCollation,
    RecreateCollation,
)
from alembic_lockplane.diff.changes_db import (
    AddEnumValue,
    AlterExtension,
    AlterSequence,
    CommentKind,
    CommentTarget,
    CreateEnum,
    CreateExtension,
    CreateSchema,
    CreateSequence,
    DropEnum,
    DropExtension,
    DropSchema,
    DropSequence,
    EnumColumnUse,
    RecreateEnum,
    SetComment,
    SetSequenceOwnedBy,
    enum_change,
)
from alembic_lockplane.diff.changes_objects import (
    AlterDomain,
    CommentObject,
    CreateDomain,
    CreateFunction,
    CreateTrigger,
    CreateView,
    DropDomain,
    DropFunction,
    DropTrigger,
    DropView,
    RecreateFunction,
    ReplaceFunction,
    ReplaceView,
)
from alembic_lockplane.diff.changes_partitions import (
    AddInherit,
    AttachPartition,
    DetachPartition,
    DropInherit,
)
from alembic_lockplane.diff.changes_parts import (
    AddConstraint,
    AlterPolicy,
    CreateIndex,
    CreatePolicy,
    DropConstraint,
    DropIndex,
    DropPolicy,
    InvalidateConstraint,
    ValidateConstraint,
)
from alembic_lockplane.diff.changes_storage import (
    AlterColumnStorage,
    SetLogged,
    SetReplicaIdentity,
    SetTableOptions,
)
from alembic_lockplane.diff.changes_table import (
    AddColumn,
    AddIdentity,
    AlterColumnCollation,
    AlterColumnType,
    AlterIdentity,
    CreateTable,
    DisableRowLevelSecurity,
    DropColumn,
    DropDefault,
    DropIdentity,
    DropNotNull,
    DropTable,
    EnableRowLevelSecurity,
    ForceRowLevelSecurity,
    NoForceRowLevelSecurity,
    ReplaceGeneratedColumn,
    SetDefault,
    SetNotNull,
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
from alembic_lockplane.diff.keys import TableKey
from alembic_lockplane.model.objects import Sequence

Change = (
    CreateSchema
    | DropSchema
    | CreateExtension
    | DropExtension
    | AlterExtension
    | CreateEnum
    | DropEnum
    | AddEnumValue
    | RecreateEnum
    | CreateSequence
    | DropSequence
    | AlterSequence
    | SetSequenceOwnedBy
    | CreateTable
    | DropTable
    | EnableRowLevelSecurity
    | DisableRowLevelSecurity
    | ForceRowLevelSecurity
    | NoForceRowLevelSecurity
    | AddColumn
    | DropColumn
    | AlterColumnType
    | AlterColumnCollation
    | SetNotNull
    | DropNotNull
    | SetDefault
    | DropDefault
    | AddIdentity
    | DropIdentity
    | AlterIdentity
    | ReplaceGeneratedColumn
    | AddConstraint
    | DropConstraint
    | ValidateConstraint
    | InvalidateConstraint
    | CreateIndex
    | DropIndex
    | CreatePolicy
    | DropPolicy
    | AlterPolicy
    | SetComment
    | CreateView
    | DropView
    | ReplaceView
    | CreateFunction
    | DropFunction
    | ReplaceFunction
    | RecreateFunction
    | CreateTrigger
    | DropTrigger
    | CreateDomain
    | DropDomain
    | AlterDomain
    | CommentObject
    | AttachPartition
    | DetachPartition
    | AddInherit
    | DropInherit
    | CreateCompositeType
    | DropCompositeType
    | AlterCompositeType
    | RecreateCompositeType
    | CreateRangeType
    | DropRangeType
    | RecreateRangeType
    | CommentType
    | AddPrivilege
    | RemovePrivilege
    | SetOwner
    | SetTableOptions
    | SetLogged
    | SetReplicaIdentity
    | AlterColumnStorage
    | CreateCollation
    | DropCollation
    | RecreateCollation
)


ALL_CHANGE_TYPES: tuple[type, ...] = Change.__args__


def without_owner(sequence: Sequence) -> Sequence:
    """The sequence as ``CreateSequence``/``DropSequence`` hold it."""
    return replace(sequence, owned_by=None)


__all__ = [
    "ALL_CHANGE_TYPES",
    "AddColumn",
    "AddConstraint",
    "AddEnumValue",
    "AddIdentity",
    "AddInherit",
    "AlterColumnCollation",
    "AlterColumnStorage",
    "AlterColumnType",
    "AlterDomain",
    "AlterExtension",
    "AlterIdentity",
    "AlterPolicy",
    "AlterSequence",
    "AttachPartition",
    "Change",
    "CommentKind",
    "CommentObject",
    "CommentTarget",
    "CreateDomain",
    "CreateEnum",
    "CreateExtension",
    "CreateFunction",
    "CreateIndex",
    "CreatePolicy",
    "CreateSchema",
    "CreateSequence",
    "CreateTable",
    "CreateTrigger",
    "CreateView",
    "DetachPartition",
    "DisableRowLevelSecurity",
    "DropColumn",
    "DropConstraint",
    "DropDefault",
    "DropDomain",
    "DropEnum",
    "DropExtension",
    "DropFunction",
    "DropIdentity",
    "DropIndex",
    "DropInherit",
    "DropNotNull",
    "DropPolicy",
    "DropSchema",
    "DropSequence",
    "DropTable",
    "DropTrigger",
    "DropView",
    "EnableRowLevelSecurity",
    "EnumColumnUse",
    "ForceRowLevelSecurity",
    "InvalidateConstraint",
    "NoForceRowLevelSecurity",
    "RecreateEnum",
    "RecreateFunction",
    "ReplaceFunction",
    "ReplaceGeneratedColumn",
    "ReplaceView",
    "SetComment",
    "SetDefault",
    "SetLogged",
    "SetNotNull",
    "SetReplicaIdentity",
    "SetSequenceOwnedBy",
    "SetTableOptions",
    "TableKey",
    "ValidateConstraint",
    "enum_change",
    "without_owner",
]
