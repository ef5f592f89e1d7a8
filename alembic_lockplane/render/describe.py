"""One-line, human descriptions of changes: ``Create table posts``,
``Add column age to table users``, ``Drop index users_email_idx``.

Names appear as the user wrote them (unquoted), prefixed with their schema only when it
is not ``public``, as in Lockplane's plan files.
"""

from __future__ import annotations

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
    CommentTarget,
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
    TableKey,
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


def display(schema: str, name: str) -> str:
    return name if schema in ("public", "") else f"{schema}.{name}"


def _t(key: TableKey) -> str:
    return "table " + display(key.schema, key.name)


def describe(change: Change) -> str:
    match change:
        case CreateSchema(new=ns):
            return f"Create schema {ns.name}"
        case DropSchema(old=ns):
            return f"Drop schema {ns.name}"
        case CreateExtension(new=ext):
            return f"Create extension {ext.name}"
        case DropExtension(old=ext):
            return f"Drop extension {ext.name}"
        case AlterExtension(new=ext):
            return f"Alter extension {ext.name}"
        case CreateEnum(new=e):
            return f"Create type {display(e.schema, e.name)}"
        case DropEnum(old=e):
            return f"Drop type {display(e.schema, e.name)}"
        case AddEnumValue(new=e, value=value):
            return f"Add value {value!r} to type {display(e.schema, e.name)}"
        case RecreateEnum(new=e):
            return f"Recreate type {display(e.schema, e.name)} with values changed"
        case CreateSequence(new=s):
            return f"Create sequence {display(s.schema, s.name)}"
        case DropSequence(old=s):
            return f"Drop sequence {display(s.schema, s.name)}"
        case AlterSequence(new=s):
            return f"Alter sequence {display(s.schema, s.name)}"
        case SetSequenceOwnedBy(new=s):
            name = display(s.schema, s.name)
            if s.owned_by is None:
                return f"Remove owner of sequence {name}"
            o = s.owned_by
            return f"Set owner of sequence {name} to {display(o.schema, o.table)}.{o.column}"
        case CreateTable(table=key):
            return f"Create {_t(key)}"
        case DropTable(table=key):
            return f"Drop {_t(key)}"
        case EnableRowLevelSecurity(table=key):
            return f"Enable row level security on {_t(key)}"
        case DisableRowLevelSecurity(table=key):
            return f"Disable row level security on {_t(key)}"
        case ForceRowLevelSecurity(table=key):
            return f"Force row level security on {_t(key)}"
        case NoForceRowLevelSecurity(table=key):
            return f"Stop forcing row level security on {_t(key)}"
        case AddColumn(table=key, new=c):
            return f"Add column {c.name} to {_t(key)}"
        case DropColumn(table=key, old=c):
            return f"Drop column {c.name} from {_t(key)}"
        case AlterColumnType(table=key, old=old, new=new):
            return f"Change type of column {new.name} of {_t(key)} from {old.type} to {new.type}"
        case AlterColumnCollation(table=key, new=c):
            return f"Change collation of column {c.name} of {_t(key)}"
        case SetNotNull(table=key, new=c):
            return f"Set NOT NULL on column {c.name} of {_t(key)}"
        case DropNotNull(table=key, new=c):
            return f"Drop NOT NULL on column {c.name} of {_t(key)}"
        case SetDefault(table=key, new=c):
            return f"Set default of column {c.name} of {_t(key)}"
        case DropDefault(table=key, new=c):
            return f"Drop default of column {c.name} of {_t(key)}"
        case AddIdentity(table=key, new=c):
            return f"Make column {c.name} of {_t(key)} an identity column"
        case DropIdentity(table=key, new=c):
            return f"Drop identity of column {c.name} of {_t(key)}"
        case AlterIdentity(table=key, new=c):
            return f"Alter identity of column {c.name} of {_t(key)}"
        case ReplaceGeneratedColumn(table=key, new=c):
            return f"Drop and re-add column {c.name} of {_t(key)} (generation changed)"
        case AddConstraint(table=key, new=con):
            return f"Add constraint {con.name} to {_t(key)}"
        case DropConstraint(table=key, old=con):
            return f"Drop constraint {con.name} from {_t(key)}"
        case ValidateConstraint(table=key, new=con):
            return f"Validate constraint {con.name} on {_t(key)}"
        case InvalidateConstraint(table=key, new=con):
            return f"Re-add constraint {con.name} on {_t(key)} as NOT VALID"
        case CreateIndex(new=i):
            return f"Create index {display(i.schema, i.name)}"
        case DropIndex(old=i):
            return f"Drop index {display(i.schema, i.name)}"
        case CreatePolicy(table=key, new=p):
            return f"Create policy {p.name} on {_t(key)}"
        case DropPolicy(table=key, old=p):
            return f"Drop policy {p.name} on {_t(key)}"
        case AlterPolicy(table=key, new=p):
            return f"Alter policy {p.name} on {_t(key)}"
        case SetComment(target=target, new=text):
            verb = "Remove comment on" if text is None else "Set comment on"
            return f"{verb} {_comment_subject(target)}"
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
            from alembic_lockplane.render.objects import object_description  # cycle

            return object_description(change)
        case AttachPartition() | DetachPartition() | AddInherit() | DropInherit():
            from alembic_lockplane.render.partitions import partition_description  # cycle

            return partition_description(change)
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
            from alembic_lockplane.render.types import type_description  # cycle

            return type_description(change)
        case SetTableOptions() | SetLogged() | SetReplicaIdentity() | AlterColumnStorage():
            from alembic_lockplane.render.storage import storage_description  # cycle

            return storage_description(change)
        case CreateCollation() | DropCollation() | RecreateCollation():
            from alembic_lockplane.render.collations import collation_description  # cycle

            return collation_description(change)
        case _:
            assert_never(change)


def _comment_subject(target: CommentTarget) -> str:
    kind = target.kind
    if kind is CommentKind.COLUMN:
        return f"column {target.name} of table {display(target.schema, target.table or '')}"
    if kind in (CommentKind.CONSTRAINT, CommentKind.POLICY):
        owner = display(target.schema, target.table or "")
        return f"{kind.value} {target.name} on table {owner}"
    if kind in (CommentKind.SCHEMA, CommentKind.EXTENSION):
        return f"{kind.value} {target.name}"
    return f"{kind.value} {display(target.schema, target.name)}"
