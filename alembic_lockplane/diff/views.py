"""Diff of views and materialized views, with the views that depend on what changes.

PostgreSQL refuses ``CREATE OR REPLACE VIEW`` when an output column is dropped,
renamed, retyped or moved, refuses to drop or retype a column or drop a view or function
that a view reads, and has no ``OR REPLACE`` for materialized views. So a view is
replaced in place only when its output columns stay exactly the same; otherwise it is
dropped and created again, and so is every view that (transitively) reads it, reads a
column whose type, collation or generation changes or that goes away, or calls a
function that is dropped or recreated. Which view reads what comes from the catalog
(``View.depends_on``, from ``pg_depend``), never from the query text.
"""

from __future__ import annotations

from dataclasses import replace

from alembic_lockplane.diff.changes import (
    Change,
    CommentKind,
    CommentTarget,
    CreateIndex,
    DropIndex,
    SetComment,
)
from alembic_lockplane.diff.changes_objects import CommentObject, CreateView, DropView, ReplaceView
from alembic_lockplane.diff.enums import columns_recast_by_recreate
from alembic_lockplane.diff.tables import regenerated_columns
from alembic_lockplane.model.objects import Dependency, Schema, View

Key = tuple[str, str, str]
ALL_COLUMNS = frozenset({"*"})


def changed_columns(current: Schema, desired: Schema) -> dict[tuple[str, str], frozenset[str]]:
    """Per table, the columns a reader cannot keep through the plan: dropped, retyped,
    recollated, cast over by an enum recreate, or with another generation expression
    (``ALL_COLUMNS``: table dropped)."""
    out: dict[tuple[str, str], frozenset[str]] = {}
    recast = columns_recast_by_recreate(current, desired)
    for table in current.tables:
        target = desired.table(table.schema, table.name)
        if target is None:
            out[(table.schema, table.name)] = ALL_COLUMNS
            continue
        names = set(regenerated_columns(table, target))
        names |= {c for (s, t, c) in recast if (s, t) == (table.schema, table.name)}
        for col in table.columns:
            after = target.column(col.name)
            if after is None or (after.type, after.collation, after.generated) != (
                col.type,
                col.collation,
                col.generated,
            ):
                names.add(col.name)
        if names:
            out[(table.schema, table.name)] = frozenset(names)
    return out


def rebuilt_views(
    current: Schema, desired: Schema, gone_functions: frozenset[tuple[str, str]]
) -> set[Key]:
    """Keys of the current views that must be dropped (and, when still desired, created
    again): see the module docstring."""
    after = {v.key: v for v in desired.views}
    columns = changed_columns(current, desired)
    out: set[Key] = set()
    for view in current.views:
        new = after.get(view.key)
        if new is None or (new != view and not _in_place(view, new)):
            out.add(view.key)

    def hit(dep: Dependency) -> bool:
        if dep.kind == "function":
            return (dep.schema, dep.name) in gone_functions
        if ("view", dep.schema, dep.name) in out:
            return True
        cols = columns.get((dep.schema, dep.name))
        if cols is None:
            return False
        return cols is ALL_COLUMNS or not dep.columns or bool(cols & set(dep.columns))

    grown = True
    while grown:
        grown = False
        for view in current.views:
            if view.key not in out and any(hit(d) for d in view.depends_on):
                out.add(view.key)
                grown = True
    return out


def _in_place(old: View, new: View) -> bool:
    """Whether ``new`` is reached without dropping ``old``: a plain view keeping its
    output columns, or a materialized view whose indexes or comment alone change."""
    if old.materialized != new.materialized:
        return False
    if old.materialized:
        return replace(old, indexes=(), comment=None) == replace(new, indexes=(), comment=None)
    return old.columns == new.columns


def diff_views(current: Schema, desired: Schema, rebuilt: set[Key]) -> list[Change]:
    before = {v.key: v for v in current.views}
    after = {v.key: v for v in desired.views}
    changes: list[Change] = []
    for key in sorted(before.keys() | after.keys()):
        old, new = before.get(key), after.get(key)
        if old is not None and (new is None or key in rebuilt):
            changes.append(DropView(old))
            old = None
        if new is None:
            continue
        if old is None:
            changes.append(CreateView(new))
        elif old != new:
            changes += _alter(old, new)
    return changes


def _alter(old: View, new: View) -> list[Change]:
    changes: list[Change] = []
    if old.materialized:
        changes += _indexes(old, new)
    elif replace(old, comment=None) != replace(new, comment=None):
        changes.append(ReplaceView(old, replace(new, comment=old.comment)))
    if old.comment != new.comment:
        changes.append(CommentObject(replace(new, comment=None), old.comment, new.comment))
    return changes


def _indexes(old: View, new: View) -> list[Change]:
    """Index changes of a materialized view kept in place, as for a table's indexes."""
    before = {i.name: i for i in old.indexes}
    after = {i.name: i for i in new.indexes}
    changes: list[Change] = []
    for name in sorted(before.keys() | after.keys()):
        a, b = before.get(name), after.get(name)
        if a is not None and (b is None or replace(a, comment=None) != replace(b, comment=None)):
            changes.append(DropIndex(a))
            a = None
        if b is None:
            continue
        if a is None:
            changes.append(CreateIndex(b))
        elif a.comment != b.comment:
            target = CommentTarget(CommentKind.INDEX, a.schema, a.name)
            changes.append(SetComment(target, a.comment, b.comment))
    return changes


def depth(views: tuple[View, ...], key: Key) -> int:
    """How many views lie under ``key`` in the chain of views it reads (0: none)."""
    by_key = {v.key: v for v in views}
    memo: dict[Key, int] = {}

    def walk(k: Key, seen: frozenset[Key]) -> int:
        if k in memo:
            return memo[k]
        view = by_key.get(k)
        if view is None or k in seen:
            return -1
        below = [
            walk(("view", d.schema, d.name), seen | {k})
            for d in view.depends_on
            if d.kind == "relation"
        ]
        memo[k] = 1 + max([-1, *below])
        return memo[k]

    return max(walk(key, frozenset()), 0)


def functions_reading_rebuilt(
    current: Schema,
    desired: Schema,
    rebuilt: set[Key],
    gone_functions: frozenset[tuple[str, str]],
) -> frozenset[tuple[str, str]]:
    """``(schema, signature)`` of the functions (``BEGIN ATOMIC`` bodies: the only ones
    with recorded dependencies) that read a view the plan drops, a column it drops or
    retypes, or a function it drops: PostgreSQL refuses those changes while they exist, so
    they are dropped before and created again after."""
    columns = changed_columns(current, desired)
    out: set[tuple[str, str]] = set()
    for fn in current.functions:
        for dep in fn.depends_on:
            if dep.kind == "function":
                hit = (dep.schema, dep.name) in gone_functions
            elif ("view", dep.schema, dep.name) in rebuilt:
                hit = True
            else:
                cols = columns.get((dep.schema, dep.name))
                hit = cols is not None and (
                    cols is ALL_COLUMNS or not dep.columns or bool(cols & set(dep.columns))
                )
            if hit:
                out.add((fn.schema, fn.signature))
                break
    return frozenset(out)
