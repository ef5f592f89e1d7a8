"""The strongest table lock a change's SQL takes on a table that already exists.

From PostgreSQL's documentation of each command (same on 13-18): most ``ALTER TABLE``
forms, ``DROP``, policies and RLS flags take ACCESS EXCLUSIVE (blocks reads and writes);
``ADD FOREIGN KEY`` takes SHARE ROW EXCLUSIVE on both tables; ``VALIDATE CONSTRAINT`` and
``COMMENT ON`` take SHARE UPDATE EXCLUSIVE (reads and writes go on); ``CREATE INDEX``
takes SHARE (blocks writes). Changes that touch no table (schemas, types, sequences,
extensions) report none.
"""

from __future__ import annotations

from typing import assert_never

from alembic_lockplane.diff.changes import (
    AddColumn,
    AddConstraint,
    AddEnumValue,
    AddIdentity,
    AlterColumnCollation,
    AlterColumnType,
    AlterDomain,
    AlterExtension,
    AlterIdentity,
    AlterPolicy,
    AlterSequence,
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
from alembic_lockplane.render.objects import object_lock
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
        case _:
            assert_never(change)
