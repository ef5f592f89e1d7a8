"""Dependency order for a list of changes.

Every change falls in a phase; phases run in a fixed sequence that PostgreSQL accepts:

* first the drops of things that hang off tables, dependents before what they depend
  on (policies, foreign keys, indexes, other constraints, sequence ownership, columns),
  then tables themselves;
* then creates and alters from the outside in: schemas, extensions, enums, sequences,
  tables (without foreign keys), columns, constraints, indexes, foreign keys (after every
  table exists, which also breaks reference cycles), validation, sequence ownership,
  policies, RLS flags, comments;
* last the drops of the types, sequences, extensions and schemas tables used.

Views, functions, triggers and domains take their phases from ``order_objects.py``;
composite and range types, privileges and owners from ``order_types.py``.

Inside a phase, changes are sorted by the key of the table or object they touch (new
tables in foreign-key order); the sort is stable, so the order the diff produced for
one object (a column's chain of alterations) is kept. Same input, same output.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable
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
from alembic_lockplane.diff.order_objects import object_phase, object_ranks, object_subject
from alembic_lockplane.diff.order_types import type_phase, type_ranks, type_subject
from alembic_lockplane.model.objects import Constraint, ConstraintKind, Domain, Table
from alembic_lockplane.render.quote import qualified

SortKey = tuple[int, int, tuple[str, ...]]


def _is_fk(constraint: Constraint) -> bool:
    return constraint.kind is ConstraintKind.FOREIGN_KEY


def phase(change: Change) -> int:
    """The phase a change runs in (lower runs first)."""
    match change:
        case DropPolicy():
            return 0
        case DropConstraint(old=old):
            return 1 if _is_fk(old) else 3
        case DropIndex():
            return 2
        case SetSequenceOwnedBy(new=new) if new.owned_by is None:
            return 4
        case DropColumn() | DropIdentity():
            return 5  # an identity's sequence goes before a sequence of its name is created
        case DropTable():
            return 6
        case CreateSchema():
            return 10
        case CreateExtension() | AlterExtension():
            return 11
        case CreateEnum() | AddEnumValue() | RecreateEnum():
            return 12
        case CreateSequence() | AlterSequence():
            return 13
        case CreateTable():
            return 14
        case AddColumn(new=col) if col.generated is not None:
            return 16  # after the type changes of the columns it reads
        case AddColumn():
            return 15
        case (
            DropDefault()
            | AlterColumnType()
            | AlterColumnCollation()
            | DropNotNull()
            | SetNotNull()
            | AddIdentity()
            | AlterIdentity()
            | SetDefault()
            | ReplaceGeneratedColumn()
        ):
            return 16
        case AddConstraint(new=new) | InvalidateConstraint(new=new):
            return 19 if _is_fk(new) else 17
        case CreateIndex():
            return 18
        case ValidateConstraint():
            return 20
        case SetSequenceOwnedBy():
            return 21
        case CreatePolicy() | AlterPolicy():
            return 22
        case (
            EnableRowLevelSecurity()
            | DisableRowLevelSecurity()
            | ForceRowLevelSecurity()
            | NoForceRowLevelSecurity()
        ):
            return 23
        case SetComment():
            return 24
        case DropSequence():
            return 30
        case DropEnum():
            return 31
        case DropExtension():
            return 32
        case DropSchema():
            return 33
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
            return object_phase(change)
        case DetachPartition() | DropInherit():
            return 5  # with the column drops, before the parent may be dropped
        case AttachPartition() | AddInherit():
            return 18  # once the table's columns and the parent's keys are in place
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
            return type_phase(change)
        case SetTableOptions() | SetLogged() | AlterColumnStorage():
            return 16  # with the column alterations, after a type change that resets storage
        case SetReplicaIdentity(old_kind=old_kind):
            # off an index before indexes and keys are dropped; onto one once they exist
            return 0 if old_kind == "INDEX" else 23
        case CreateCollation() | RecreateCollation():
            return 11  # with the extensions: before the tables, domains and types using it
        case DropCollation():
            return 32  # after the columns, domains and types that used it are gone
        case _:
            assert_never(change)


def subject(change: Change) -> tuple[str, ...]:
    """The key of the table (or, outside tables, the object) a change touches."""
    match change:
        case CreateSchema(new=ns) | DropSchema(old=ns):
            return (ns.name,)
        case CreateExtension(new=ext) | DropExtension(old=ext) | AlterExtension(old=ext):
            return ("", ext.name)
        case CreateEnum(new=e) | DropEnum(old=e) | AddEnumValue(old=e) | RecreateEnum(old=e):
            return (e.schema, e.name)
        case (
            CreateSequence(new=s)
            | DropSequence(old=s)
            | AlterSequence(old=s)
            | SetSequenceOwnedBy(old=s)
        ):
            return (s.schema, s.name)
        case SetComment(target=t):
            return (t.schema, t.table if t.table is not None else t.name)
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
            return object_subject(change)
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
            return type_subject(change)
        case CreateCollation(new=c) | DropCollation(old=c) | RecreateCollation(old=c):
            return (c.schema, c.name)
        case _:
            key: TableKey = change.table
            return tuple(key)


def order(changes: list[Change]) -> list[Change]:
    """``changes`` in dependency order; see the module docstring."""
    created = _table_order(
        [c.table for c in changes if isinstance(c, CreateTable)],
        [(c.table, _target(c.new)) for c in changes if isinstance(c, AddConstraint)]
        + _parent_edges(c.new for c in changes if isinstance(c, CreateTable)),
    )
    dropped = _table_order(
        [c.table for c in changes if isinstance(c, DropTable)],
        [(c.table, _target(c.old)) for c in changes if isinstance(c, DropConstraint)]
        + _parent_edges(c.old for c in changes if isinstance(c, DropTable)),
    )

    objects = object_ranks(list(changes))
    calls = _dropped_function_calls(changes)
    objects.update(type_ranks(list(changes)))

    def sort_key(change: Change) -> SortKey:
        rank = objects.get(change, 0)
        if isinstance(change, CreateTable):
            rank = created[change.table]
        elif isinstance(change, DropTable):
            rank = -dropped[change.table]  # referencing tables go first
        if isinstance(change, DropDefault) and any(c in (change.old.default or "") for c in calls):
            # before the function it calls is dropped (or recreated) in phase 13 or 29
            return (DROP_COLUMN, rank, subject(change))
        if isinstance(change, AddConstraint) and any(c in change.new.definition for c in calls):
            # after a recreated function that reads tables, in the same phase as the views
            rank = AFTER_RECREATED_FUNCTIONS
        if isinstance(change, AlterDomain) and calls:
            gone, back = _domain_calls(change.old, calls), _domain_calls(change.new, calls)
            if gone > back:  # takes a check or default off before the function goes
                return (DROP_COLUMN, rank, subject(change))
            if back > gone:  # puts it back once the function is there again
                return (VIEW_PHASE, AFTER_RECREATED_FUNCTIONS, subject(change))
        return (phase(change), rank, subject(change))

    return sorted(changes, key=sort_key)


DROP_COLUMN = 5
AFTER_RECREATED_FUNCTIONS = 1_000_000
VIEW_PHASE = 17


def _domain_calls(domain: Domain, calls: tuple[str, ...]) -> set[str]:
    """The checks (by definition) and default of ``domain`` that call one of ``calls``."""
    texts = [c.definition for c in domain.constraints] + [domain.default or ""]
    return {t for t in texts if any(call in t for call in calls)}


def _dropped_function_calls(changes: list[Change]) -> tuple[str, ...]:
    """``schema.name(`` of the functions that ``changes`` drop or recreate."""
    names = {
        qualified(c.old.schema, c.old.name) + "("
        for c in changes
        if isinstance(c, DropFunction | RecreateFunction)
    }
    return tuple(sorted(names))


def _parent_edges(tables: Iterable[Table]) -> list[tuple[TableKey, TableKey | None]]:
    """A partition or inheriting table needs its parent: created after, dropped before."""
    return [
        (TableKey(t.schema, t.name), TableKey(p.schema, p.name)) for t in tables for p in t.parents
    ]


def _target(constraint: Constraint) -> TableKey | None:
    ref = constraint.references
    return TableKey(ref.schema, ref.table) if ref is not None else None


def _table_order(
    tables: list[TableKey], references: list[tuple[TableKey, TableKey | None]]
) -> dict[TableKey, int]:
    """Rank tables so that a referenced table comes before the tables referencing it;
    ties and cycles are broken by key (the foreign keys are separate steps anyway)."""
    nodes = set(tables)
    needs: dict[TableKey, set[TableKey]] = {t: set() for t in nodes}
    needed_by: dict[TableKey, set[TableKey]] = {t: set() for t in nodes}
    for source, target in references:
        if source in nodes and target in nodes and source != target:
            needs[source].add(target)
            needed_by[target].add(source)
    rank: dict[TableKey, int] = {}
    ready = [t for t in nodes if not needs[t]]
    heapq.heapify(ready)
    waiting = sorted(nodes)  # for breaking cycles: the smallest table not yet ranked
    while len(rank) < len(nodes):
        if not ready:  # a cycle: take the smallest remaining table
            while waiting[0] in rank:
                waiting.pop(0)
            ready = [waiting[0]]
        table = heapq.heappop(ready)
        if table in rank:
            continue
        rank[table] = len(rank)
        for other in needed_by[table]:
            if other not in rank:
                needs[other].discard(table)
                if not needs[other]:
                    heapq.heappush(ready, other)
    return rank
