"""Diff of one table's insides: columns, constraints, policies, RLS flags, comments.

Changes come out in a fixed order per table (columns by position, then constraints and
policies by name); ``order.py`` only moves whole phases around, so this order is the one
the plan keeps inside a phase. A column with several differences becomes a chain of
changes whose ``old``/``new`` are the column's successive states, so every change's
reverse is exact.
"""

from __future__ import annotations

from dataclasses import replace

from alembic_lockplane.diff.casts import needs_using
from alembic_lockplane.diff.changes import (
    AddColumn,
    AddConstraint,
    AddIdentity,
    AddInherit,
    AlterColumnCollation,
    AlterColumnType,
    AlterIdentity,
    AlterPolicy,
    AttachPartition,
    Change,
    CommentKind,
    CommentTarget,
    CreatePolicy,
    CreateTable,
    DetachPartition,
    DisableRowLevelSecurity,
    DropColumn,
    DropConstraint,
    DropDefault,
    DropIdentity,
    DropInherit,
    DropNotNull,
    DropPolicy,
    DropTable,
    EnableRowLevelSecurity,
    ForceRowLevelSecurity,
    InvalidateConstraint,
    NoForceRowLevelSecurity,
    ReplaceGeneratedColumn,
    SetComment,
    SetDefault,
    SetNotNull,
    TableKey,
    ValidateConstraint,
)
from alembic_lockplane.diff.changes_storage import (
    AlterColumnStorage,
    SetLogged,
    SetReplicaIdentity,
    SetTableOptions,
)
from alembic_lockplane.diff.mentions import mentions
from alembic_lockplane.model.objects import Column, Constraint, ConstraintKind, Policy, Table


def key_of(table: Table) -> TableKey:
    return TableKey(table.schema, table.name)


def deferred_constraint(constraint: Constraint) -> bool:
    """Added after ``CREATE TABLE``: foreign keys (any table order) and ``NOT VALID`` ones."""
    return constraint.kind is ConstraintKind.FOREIGN_KEY or not constraint.validated


def table_shell(table: Table) -> Table:
    """The table as ``CreateTable``/``DropTable`` hold it (see ``changes`` module doc)."""
    kept = tuple(c for c in table.constraints if not deferred_constraint(c))
    return replace(
        table,
        constraints=kept,
        policies=(),
        replica_identity=None,
        replica_identity_index=None,
    )


def create_table(table: Table) -> list[Change]:
    key = key_of(table)
    changes: list[Change] = [CreateTable(table_shell(table))]
    changes += [AddConstraint(key, c) for c in table.constraints if deferred_constraint(c)]
    changes += [CreatePolicy(key, p) for p in table.policies]
    if table.replica_identity is not None:
        changes.append(
            SetReplicaIdentity(
                key, None, None, table.replica_identity, table.replica_identity_index
            )
        )
    return changes


def drop_table(table: Table) -> list[Change]:
    key = key_of(table)
    changes: list[Change] = []
    if table.replica_identity is not None:
        changes.append(
            SetReplicaIdentity(
                key, table.replica_identity, table.replica_identity_index, None, None
            )
        )
    changes += [DropPolicy(key, p) for p in table.policies]
    changes += [DropConstraint(key, c) for c in table.constraints if deferred_constraint(c)]
    changes.append(DropTable(table_shell(table)))
    return changes


def retyped_columns(old: Table, new: Table) -> frozenset[str]:
    """Columns of ``old`` kept in ``new`` with another type or collation (both are an
    ``ALTER COLUMN ... TYPE``, refused alike while a generated column or policy reads it)."""
    return frozenset(
        c.name
        for c in old.columns
        if (n := new.column(c.name)) is not None and (n.type, n.collation) != (c.type, c.collation)
    )


def regenerated_columns(old: Table, new: Table) -> frozenset[str]:
    """Generated columns kept in ``new`` that read a column whose type changes: PostgreSQL
    refuses that type change while they exist, so they are dropped before it and added
    again (recomputed) after it."""
    retyped = retyped_columns(old, new)
    return frozenset(
        c.name
        for c in old.columns
        if c.generated is not None
        and new.column(c.name) is not None
        and any(mentions(c.generated, r) for r in retyped if r != c.name)
    )


def diff_table(
    old: Table,
    new: Table,
    forced: frozenset[str] = frozenset(),
    cleared: frozenset[str] = frozenset(),
    unstable: frozenset[str] = frozenset(),
    *,
    reset_defaults: frozenset[str] = frozenset(),
    forced_policies: frozenset[str] = frozenset(),
    regenerated: frozenset[str] = frozenset(),
) -> list[Change]:
    """Changes turning ``old`` into ``new`` (same key). ``forced`` names constraints that
    must be dropped and added again even if unchanged (their dependencies are rebuilt);
    ``cleared`` names columns whose default an enum recreate has already taken off;
    ``unstable`` names columns (of any table) the plan retypes or drops, and tables it
    drops: policies that may read one are dropped before and created after (PostgreSQL
    refuses the change while they depend on it); ``reset_defaults`` names columns whose
    default is dropped and set again, and ``forced_policies`` policies dropped and created
    again, and ``regenerated`` generated columns dropped and added again (a function they
    call is recreated)."""
    key = key_of(old)
    changes: list[Change] = _parent_changes(key, old, new)
    replaced: set[str] = set()
    again = regenerated_columns(old, new) | frozenset(
        c for c in regenerated if (n := new.column(c)) is not None and n.generated is not None
    )
    drops: list[Change] = []
    for old_col in old.columns:
        new_col = new.column(old_col.name)
        if new_col is None or old_col.name in again:
            drops.append(DropColumn(key, old_col))
            if new_col is not None:
                replaced.add(old_col.name)
        elif _generation_differs(old_col, new_col):
            replaced.add(old_col.name)
            changes.append(ReplaceGeneratedColumn(key, old_col, new_col))
        else:
            start = replace(old_col, default=None) if old_col.name in cleared else old_col
            if start.default is not None and old_col.name in reset_defaults:
                cleared_col = replace(start, default=None)
                changes.append(DropDefault(key, start, cleared_col))
                start = cleared_col
            changes += diff_column(key, start, new_col)
    # Last column first: the rollback adds them back in their order (at the end).
    changes = drops[::-1] + changes
    added = [c for c in new.columns if old.column(c.name) is None or c.name in again]
    changes += [AddColumn(key, c) for c in added]
    changes += _diff_constraints(key, old, new, forced, replaced)
    gone = bool(replaced) or any(new.column(c.name) is None for c in old.columns)
    changes += _diff_policies(
        key, old, new, gone, unstable | retyped_columns(old, new), forced_policies
    )
    if old.rls_enabled != new.rls_enabled:
        flag = EnableRowLevelSecurity if new.rls_enabled else DisableRowLevelSecurity
        changes.append(flag(key))
    if old.rls_forced != new.rls_forced:
        force = ForceRowLevelSecurity if new.rls_forced else NoForceRowLevelSecurity
        changes.append(force(key))
    if old.comment != new.comment:
        target = CommentTarget(CommentKind.TABLE, key.schema, key.name)
        changes.append(SetComment(target, old.comment, new.comment))
    changes += storage_changes(key, old, new)
    return changes


def storage_changes(key: TableKey, old: Table, new: Table) -> list[Change]:
    """Storage parameters, ``SET LOGGED`` / ``UNLOGGED`` and ``REPLICA IDENTITY``. A replica
    identity moving off an index is reset to ``DEFAULT`` in a change of its own (ordered
    before index drops) and set again in another (after index creates)."""
    changes: list[Change] = []
    if old.options != new.options:
        changes.append(SetTableOptions(key, old.options, new.options))
    if old.toast_options != new.toast_options:
        changes.append(SetTableOptions(key, old.toast_options, new.toast_options, toast=True))
    if old.unlogged != new.unlogged:
        changes.append(SetLogged(key, new.unlogged))
    before = (old.replica_identity, old.replica_identity_index)
    after = (new.replica_identity, new.replica_identity_index)
    if before != after:
        if before[0] == "INDEX" and after[0] is not None:
            changes.append(SetReplicaIdentity(key, *before, None, None))
            before = (None, None)
        changes.append(SetReplicaIdentity(key, *before, *after))
    return changes


def _parent_changes(key: TableKey, old: Table, new: Table) -> list[Change]:
    """Detach / attach a partition whose parent or bound changes; ``NO INHERIT`` /
    ``INHERIT`` for inheritance parents that go or come. They come first in the table's
    changes: a detached table's columns are its own again, and can then be changed."""
    changes: list[Change] = []
    if old.partition_of != new.partition_of:
        if old.partition_of is not None:
            changes.append(DetachPartition(key, old.partition_of))
        if new.partition_of is not None:
            changes.append(AttachPartition(key, new.partition_of))
    changes += [DropInherit(key, p) for p in old.inherits if p not in new.inherits]
    changes += [AddInherit(key, p) for p in new.inherits if p not in old.inherits]
    return changes


def _generation_differs(old: Column, new: Column) -> bool:
    return old.generated != new.generated


def diff_column(key: TableKey, old: Column, new: Column) -> list[Change]:
    """The chain of changes for one column, in the order PostgreSQL needs them.

    A default is dropped before a type change (it may not cast) and set again after;
    identity needs NOT NULL and no default, so it comes after both are settled.
    """
    changes: list[Change] = []
    state = old

    def step(kind: type, **fields: object) -> None:
        nonlocal state
        after = replace(state, **fields)  # type: ignore[arg-type]
        changes.append(kind(key, state, after))
        state = after

    type_changes = old.type != new.type
    # A type or collation change resets STORAGE and COMPRESSION to the new type's defaults.
    if state.default is not None and (new.default is None or type_changes):
        step(DropDefault, default=None)
    if state.identity is not None and new.identity is None:
        step(DropIdentity, identity=None)
    if type_changes:
        using = needs_using(old.type, new.type)
        after = replace(
            state, type=new.type, collation=new.collation, storage=None, compression=None
        )
        changes.append(AlterColumnType(key, state, after, using))
        state = after
    elif state.collation != new.collation:
        step(AlterColumnCollation, collation=new.collation, storage=None, compression=None)
    if state.not_null and not new.not_null:
        step(DropNotNull, not_null=False)
    elif new.not_null and not state.not_null:
        step(SetNotNull, not_null=True)
    if state.identity is None and new.identity is not None:
        step(AddIdentity, identity=new.identity)
    elif state.identity != new.identity:
        step(AlterIdentity, identity=new.identity)
    if new.default is not None and state.default != new.default:
        step(SetDefault, default=new.default)
    if state.comment != new.comment:
        target = CommentTarget(CommentKind.COLUMN, key.schema, old.name, key.name)
        changes.append(SetComment(target, state.comment, new.comment))
    storage = (new.storage, new.compression, new.statistics)
    if (state.storage, state.compression, state.statistics) != storage:
        after = replace(state, storage=new.storage, compression=new.compression)
        changes.append(AlterColumnStorage(key, state, replace(after, statistics=new.statistics)))
    return changes


def _uses_any(constraint: Constraint, columns: set[str]) -> bool:
    return any(c in columns for c in constraint.columns)


def _diff_constraints(
    key: TableKey, old: Table, new: Table, forced: frozenset[str], replaced: set[str]
) -> list[Change]:
    changes: list[Change] = []
    names = sorted({c.name for c in old.constraints} | {c.name for c in new.constraints})
    for name in names:
        before, after = old.constraint(name), new.constraint(name)
        if after is None:
            assert before is not None
            changes.append(DropConstraint(key, before))
        elif before is None:
            changes.append(AddConstraint(key, after))
        elif (
            replace(before, comment=None, validated=True)
            != replace(after, comment=None, validated=True)
            or name in forced
            or _uses_any(before, replaced)
        ):
            # Dropped explicitly even when a replaced column would take it along, so
            # that the rollback (the reverse steps) puts it back.
            changes += [DropConstraint(key, before), AddConstraint(key, after)]
        else:
            state = before
            if before.validated != after.validated:
                state = replace(before, validated=after.validated)
                change = ValidateConstraint if after.validated else InvalidateConstraint
                changes.append(change(key, before, state))
            if state.comment != after.comment:
                target = CommentTarget(CommentKind.CONSTRAINT, key.schema, name, key.name)
                changes.append(SetComment(target, state.comment, after.comment))
    return changes


def _diff_policies(
    key: TableKey,
    old: Table,
    new: Table,
    columns_go: bool,
    unstable: frozenset[str] = frozenset(),
    forced: frozenset[str] = frozenset(),
) -> list[Change]:
    """A policy whose expressions change is altered in place, unless columns of the table
    are dropped: the old expression may read one, and blocks its drop until it goes. A
    policy that may read an ``unstable`` name is dropped and created again."""
    changes: list[Change] = []
    names = sorted({p.name for p in old.policies} | {p.name for p in new.policies})
    for name in names:
        before, after = old.policy(name), new.policy(name)
        if after is None:
            assert before is not None
            changes.append(DropPolicy(key, before))
        elif before is None:
            changes.append(CreatePolicy(key, after))
        elif (
            _policy_needs_recreate(before, after, columns_go)
            or name in forced
            or any(mentions(before.using, c) or mentions(before.with_check, c) for c in unstable)
        ):
            changes += [DropPolicy(key, before), CreatePolicy(key, after)]
        else:
            state = before
            if replace(before, comment=None) != replace(after, comment=None):
                state = replace(after, comment=before.comment)
                changes.append(AlterPolicy(key, before, state))
            if state.comment != after.comment:
                target = CommentTarget(CommentKind.POLICY, key.schema, name, key.name)
                changes.append(SetComment(target, state.comment, after.comment))
    return changes


def _policy_needs_recreate(before: Policy, after: Policy, columns_go: bool) -> bool:
    """``ALTER POLICY`` cannot change the command or permissiveness, nor remove a USING or
    WITH CHECK expression; and it must not wait for a column drop its old text blocks."""
    if (before.command, before.permissive) != (after.command, after.permissive):
        return True
    removed = (before.using is not None and after.using is None) or (
        before.with_check is not None and after.with_check is None
    )
    changed = (before.using, before.with_check) != (after.using, after.with_check)
    return removed or (columns_go and changed)
