"""Change -> SQL statements (no trailing semicolons), one ``match`` over the closed union.

Every create also restores the object's comment, so that ``render(drop.reverse())``
brings an object back as it was. ``ALTER TYPE ... ADD VALUE`` is marked
non-transactional: PostgreSQL < 12 refuses it in a transaction block, and on every
version a value added in a transaction cannot be used before that transaction commits.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import assert_never

from alembic_lockplane.diff.casts import using_cast
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
from alembic_lockplane.model.objects import Constraint, Identity, Policy, Sequence
from alembic_lockplane.render.collations import collation_statements
from alembic_lockplane.render.describe import describe
from alembic_lockplane.render.enums import recreate_enum
from alembic_lockplane.render.objects import object_statements
from alembic_lockplane.render.partitions import partition_statements
from alembic_lockplane.render.quote import qualified, quote_ident, quote_literal
from alembic_lockplane.render.sql import (
    DEFAULT_COLLATION,
    alter_column,
    alter_table,
    column_definition,
    comment,
    comments_if_set,
    identity_clause,
    role_list,
    sequence_options,
    table_name,
)
from alembic_lockplane.render.storage import (
    column_storage,
    storage_after_retype,
    storage_statements,
)
from alembic_lockplane.render.tables import create_table
from alembic_lockplane.render.types import type_statements


@dataclass(frozen=True)
class RenderedChange:
    statements: tuple[str, ...]
    transactional: bool
    description: str


def render(change: Change) -> RenderedChange:
    transactional = not isinstance(change, AddEnumValue)
    return RenderedChange(tuple(statements(change)), transactional, describe(change))


def statements(change: Change) -> list[str]:
    """The SQL of one change."""
    match change:
        case CreateSchema(new=ns):
            target = CommentTarget(CommentKind.SCHEMA, ns.name, ns.name)
            return [f"CREATE SCHEMA {quote_ident(ns.name)}", *comments_if_set(target, ns.comment)]
        case DropSchema(old=ns):
            return [f"DROP SCHEMA {quote_ident(ns.name)}"]
        case CreateExtension(new=ext):
            sql = f"CREATE EXTENSION {quote_ident(ext.name)} WITH SCHEMA {quote_ident(ext.schema)}"
            if ext.version is not None:
                sql += f" VERSION {quote_literal(ext.version)}"
            target = CommentTarget(CommentKind.EXTENSION, "", ext.name)
            return [sql, *comments_if_set(target, ext.comment)]
        case DropExtension(old=ext):
            return [f"DROP EXTENSION {quote_ident(ext.name)}"]
        case AlterExtension(old=old, new=new):
            name = f"ALTER EXTENSION {quote_ident(new.name)}"
            out = []
            if old.version != new.version and new.version is not None:
                out.append(f"{name} UPDATE TO {quote_literal(new.version)}")
            if old.schema != new.schema:
                out.append(f"{name} SET SCHEMA {quote_ident(new.schema)}")
            return out
        case CreateEnum(new=enum):
            values = ", ".join(quote_literal(v) for v in enum.values)
            target = CommentTarget(CommentKind.TYPE, enum.schema, enum.name)
            return [
                f"CREATE TYPE {qualified(enum.schema, enum.name)} AS ENUM ({values})",
                *comments_if_set(target, enum.comment),
            ]
        case DropEnum(old=enum):
            return [f"DROP TYPE {qualified(enum.schema, enum.name)}"]
        case AddEnumValue(new=enum, value=value, before=before, after=after):
            sql = f"ALTER TYPE {qualified(enum.schema, enum.name)} ADD VALUE {quote_literal(value)}"
            if before is not None:
                sql += f" BEFORE {quote_literal(before)}"
            elif after is not None:
                sql += f" AFTER {quote_literal(after)}"
            return [sql]
        case RecreateEnum():
            return recreate_enum(change)
        case CreateSequence(new=seq):
            target = CommentTarget(CommentKind.SEQUENCE, seq.schema, seq.name)
            return [
                f"CREATE SEQUENCE {_seq(seq)} {sequence_options(seq)}",
                *comments_if_set(target, seq.comment),
            ]
        case DropSequence(old=seq):
            return [f"DROP SEQUENCE {_seq(seq)}"]
        case AlterSequence(old=old, new=new):
            return [f"ALTER SEQUENCE {_seq(new)} {sequence_options(new, old)}"]
        case SetSequenceOwnedBy(new=seq):
            owner = "NONE"
            if seq.owned_by is not None:
                o = seq.owned_by
                owner = f"{qualified(o.schema, o.table)}.{quote_ident(o.column)}"
            return [f"ALTER SEQUENCE {_seq(seq)} OWNED BY {owner}"]
        case CreateTable(new=table):
            return create_table(table)
        case DropTable(old=table):
            return [f"DROP TABLE {qualified(table.schema, table.name)}"]
        case EnableRowLevelSecurity(table=key):
            return [alter_table(key, "ENABLE ROW LEVEL SECURITY")]
        case DisableRowLevelSecurity(table=key):
            return [alter_table(key, "DISABLE ROW LEVEL SECURITY")]
        case ForceRowLevelSecurity(table=key):
            return [alter_table(key, "FORCE ROW LEVEL SECURITY")]
        case NoForceRowLevelSecurity(table=key):
            return [alter_table(key, "NO FORCE ROW LEVEL SECURITY")]
        case AddColumn(table=key, new=col):
            target = CommentTarget(CommentKind.COLUMN, key.schema, col.name, key.name)
            return [
                alter_table(key, f"ADD COLUMN {column_definition(col)}"),
                *column_storage(key, None, col),
                *comments_if_set(target, col.comment),
            ]
        case DropColumn(table=key, old=col):
            return [alter_table(key, f"DROP COLUMN {quote_ident(col.name)}")]
        case AlterColumnType(table=key, old=old, new=new, using=using):
            action = f"TYPE {new.type}"
            if new.collation is not None:
                action += f" COLLATE {new.collation}"
            if using:
                action += f" USING {using_cast(quote_ident(new.name), old.type, new.type)}"
            # The type change resets STORAGE and COMPRESSION (set again for a rollback).
            return [alter_column(key, new.name, action), *storage_after_retype(key, new)]
        case AlterColumnCollation(table=key, new=new):
            collation = new.collation if new.collation is not None else DEFAULT_COLLATION
            action = f"TYPE {new.type} COLLATE {collation}"
            return [alter_column(key, new.name, action), *storage_after_retype(key, new)]
        case SetNotNull(table=key, new=col):
            return [alter_column(key, col.name, "SET NOT NULL")]
        case DropNotNull(table=key, new=col):
            return [alter_column(key, col.name, "DROP NOT NULL")]
        case SetDefault(table=key, new=col):
            return [alter_column(key, col.name, f"SET DEFAULT {col.default}")]
        case DropDefault(table=key, new=col):
            return [alter_column(key, col.name, "DROP DEFAULT")]
        case AddIdentity(table=key, new=col):
            assert col.identity is not None
            add = alter_column(key, col.name, f"ADD {identity_clause(col.identity)}")
            return [add, *_identity_past_existing_rows(key, col.name, col.identity)]
        case DropIdentity(table=key, new=col):
            return [alter_column(key, col.name, "DROP IDENTITY")]
        case AlterIdentity(table=key, old=old, new=new):
            return [alter_column(key, new.name, _identity_changes(old.identity, new.identity))]
        case ReplaceGeneratedColumn(table=key, old=old, new=new):
            target = CommentTarget(CommentKind.COLUMN, key.schema, new.name, key.name)
            return [
                alter_table(key, f"DROP COLUMN {quote_ident(old.name)}"),
                alter_table(key, f"ADD COLUMN {column_definition(new)}"),
                *column_storage(key, None, new),
                *comments_if_set(target, new.comment),
            ]
        case AddConstraint(table=key, new=con):
            return _add_constraint(key, con)
        case DropConstraint(table=key, old=con):
            return [alter_table(key, f"DROP CONSTRAINT {quote_ident(con.name)}")]
        case ValidateConstraint(table=key, new=con):
            return [alter_table(key, f"VALIDATE CONSTRAINT {quote_ident(con.name)}")]
        case InvalidateConstraint(table=key, old=old, new=new):
            drop = alter_table(key, f"DROP CONSTRAINT {quote_ident(old.name)}")
            return [drop, *_add_constraint(key, new)]
        case CreateIndex(new=index):
            target = CommentTarget(CommentKind.INDEX, index.schema, index.name)
            return [index.definition, *comments_if_set(target, index.comment)]
        case DropIndex(old=index):
            return [f"DROP INDEX {qualified(index.schema, index.name)}"]
        case CreatePolicy(table=key, new=policy):
            return _create_policy(key, policy)
        case DropPolicy(table=key, old=policy):
            return [f"DROP POLICY {quote_ident(policy.name)} ON {table_name(key)}"]
        case AlterPolicy(table=key, new=policy):
            sql = f"ALTER POLICY {quote_ident(policy.name)} ON {table_name(key)}"
            sql += f" TO {role_list(policy.roles)}"
            if policy.using is not None:
                sql += f" USING ({policy.using})"
            if policy.with_check is not None:
                sql += f" WITH CHECK ({policy.with_check})"
            return [sql]
        case SetComment(target=target, new=text):
            return [comment(target, text)]
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
            return object_statements(change)
        case AttachPartition() | DetachPartition() | AddInherit() | DropInherit():
            return partition_statements(change)
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
            return type_statements(change)
        case SetTableOptions() | SetLogged() | SetReplicaIdentity() | AlterColumnStorage():
            return storage_statements(change)
        case CreateCollation() | DropCollation() | RecreateCollation():
            return collation_statements(change)
        case _:
            assert_never(change)


def _seq(seq: Sequence) -> str:
    return qualified(seq.schema, seq.name)


def _add_constraint(key: TableKey, con: Constraint) -> list[str]:
    sql = f"ADD CONSTRAINT {quote_ident(con.name)} {con.definition}"
    if not con.validated:
        sql += " NOT VALID"
    target = CommentTarget(CommentKind.CONSTRAINT, key.schema, con.name, key.name)
    return [alter_table(key, sql), *comments_if_set(target, con.comment)]


def _create_policy(key: TableKey, policy: Policy) -> list[str]:
    kind = "PERMISSIVE" if policy.permissive else "RESTRICTIVE"
    sql = (
        f"CREATE POLICY {quote_ident(policy.name)} ON {table_name(key)} AS {kind}"
        f" FOR {policy.command} TO {role_list(policy.roles)}"
    )
    if policy.using is not None:
        sql += f" USING ({policy.using})"
    if policy.with_check is not None:
        sql += f" WITH CHECK ({policy.with_check})"
    target = CommentTarget(CommentKind.POLICY, key.schema, policy.name, key.name)
    return [sql, *comments_if_set(target, policy.comment)]


def _identity_changes(old: Identity | None, new: Identity | None) -> str:
    """``SET GENERATED ... SET INCREMENT BY ...``: only what differs."""
    assert old is not None and new is not None
    parts: list[str] = []
    if old.always != new.always:
        parts.append("SET GENERATED " + ("ALWAYS" if new.always else "BY DEFAULT"))
    if old.increment != new.increment:
        parts.append(f"SET INCREMENT BY {new.increment}")
    if old.min_value != new.min_value:
        parts.append(f"SET MINVALUE {new.min_value}")
    if old.max_value != new.max_value:
        parts.append(f"SET MAXVALUE {new.max_value}")
    if old.start != new.start:
        parts.append(f"SET START WITH {new.start}")
    if old.cache != new.cache:
        parts.append(f"SET CACHE {new.cache}")
    if old.cycle != new.cycle:
        parts.append("SET CYCLE" if new.cycle else "SET NO CYCLE")
    return " ".join(parts)


def _identity_past_existing_rows(key: TableKey, column: str, identity: Identity) -> list[str]:
    """Move a new identity's sequence past the values the column already holds (a serial
    turned identity, or an identity added to a filled column): it starts at ``START``
    otherwise, and the next insert collides with an existing key. No rows, or all below
    ``START``: the sequence is left alone. Descending identities are left alone too."""
    if identity.increment <= 0:
        return []
    col = quote_ident(column)
    table = table_name(key)
    return [
        f"SELECT setval(pg_get_serial_sequence({quote_literal(table)}, {quote_literal(column)}),"
        f" max({col})) FROM {table} HAVING max({col}) >= {identity.start}"
    ]
