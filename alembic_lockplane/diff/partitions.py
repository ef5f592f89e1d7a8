"""Partitioned tables, partitions and inheritance children in the diff.

A table cannot be turned into a partitioned one (or back, or given another partition key) in
place, and neither can a plain table become a partition, or a partition a plain table, without
PostgreSQL moving constraints and indexes around under names of its own. Those tables are
*rebuilt*: dropped and created again (a dangerous, lossy step the ``drop_table`` rule flags),
together with every partition or inheritance child under them, whose parent goes away. The
plan is computed in two halves through a middle schema without the rebuilt tables: from the
current schema to the middle one (the drops, with their indexes, triggers and the foreign
keys that reference them), then from the middle one to the desired schema (the creates).

An inheritance child whose ``INHERITS`` parents change keeps its rows: ``NO INHERIT`` makes the
columns and CHECK constraints it had from a parent its own, and ``INHERIT`` needs them to be
there already. Both sides of such a child are compared with the columns and checks of their
parents folded in (``with_inherited``), so the plan adds what ``INHERIT`` needs before it runs.
"""

from __future__ import annotations

from dataclasses import replace

from alembic_lockplane.diff.keys import TableKey
from alembic_lockplane.model.objects import (
    Column,
    Constraint,
    ConstraintKind,
    Schema,
    Table,
)


def _key(table: Table) -> TableKey:
    return TableKey(table.schema, table.name)


def rebuilt_tables(current: Schema, desired: Schema) -> frozenset[TableKey]:
    """Tables kept by name that must be dropped and created again, with their children."""
    out: set[TableKey] = set()
    for old in current.tables:
        new = desired.table(old.schema, old.name)
        if new is None:
            continue
        if old.partition_by != new.partition_by or (old.partition_of is None) != (
            new.partition_of is None
        ):
            out.add(_key(old))
    if not out:
        return frozenset()
    children: dict[TableKey, list[TableKey]] = {}
    for table in current.tables:
        for parent in table.parents:
            children.setdefault(TableKey(parent.schema, parent.name), []).append(_key(table))
    todo = list(out)
    while todo:
        for child in children.get(todo.pop(), ()):
            if child not in out:
                out.add(child)
                todo.append(child)
    return frozenset(out)


def without_tables(schema: Schema, keys: frozenset[TableKey]) -> Schema:
    """``schema`` without the tables ``keys`` and what goes with them when they are dropped:
    their indexes, triggers, grants and owners, foreign keys that reference them, sequence
    ownership."""
    names = {(k.schema, k.name) for k in keys}
    targets = {("table", s, n, "") for s, n in names}

    def kept_constraints(table: Table) -> Table:
        cons = tuple(
            c
            for c in table.constraints
            if c.references is None or (c.references.schema, c.references.table) not in names
        )
        return table if cons == table.constraints else replace(table, constraints=cons)

    return replace(
        schema,
        tables=tuple(kept_constraints(t) for t in schema.tables if (t.schema, t.name) not in names),
        indexes=tuple(i for i in schema.indexes if (i.schema, i.table) not in names),
        triggers=tuple(t for t in schema.triggers if (t.schema, t.table) not in names),
        privileges=tuple(p for p in schema.privileges if p.target not in targets),
        owners=tuple(o for o in schema.owners if o.target not in targets),
        sequences=tuple(
            replace(s, owned_by=None)
            if s.owned_by is not None and (s.owned_by.schema, s.owned_by.table) in names
            else s
            for s in schema.sequences
        ),
    )


def inheritance_changes(old: Table, new: Table) -> bool:
    """Whether ``INHERITS`` parents change (partitions are never compared this way)."""
    return old.partition_of is None and new.partition_of is None and old.inherits != new.inherits


def with_inherited(table: Table, schema: Schema) -> Table:
    """``table`` with the columns and inheritable CHECK constraints of its ``INHERITS``
    parents (recursively) folded in, as they are after ``NO INHERIT`` and before ``INHERIT``."""
    columns, checks = _inherited(table, schema, frozenset())
    own_columns = {c.name for c in table.columns}
    own_checks = {c.name for c in table.constraints}
    merged_columns = tuple(c for c in columns if c.name not in own_columns) + table.columns
    merged_checks = table.constraints + tuple(c for c in checks if c.name not in own_checks)
    return replace(table, columns=merged_columns, constraints=merged_checks)


def _inherited(
    table: Table, schema: Schema, seen: frozenset[TableKey]
) -> tuple[list[Column], list[Constraint]]:
    columns: list[Column] = []
    checks: list[Constraint] = []
    for ref in table.inherits:
        parent = schema.table(ref.schema, ref.name)
        if parent is None or _key(parent) in seen:
            continue
        up_columns, up_checks = _inherited(parent, schema, seen | {_key(table)})
        for col in [*up_columns, *parent.columns]:
            if all(c.name != col.name for c in columns):
                # a child gets the parent's type, NOT NULL, default and generation, but
                # neither its identity nor its comment
                columns.append(replace(col, comment=None, identity=None))
        for con in [*up_checks, *parent.constraints]:
            inheritable = con.kind is ConstraintKind.CHECK and "NO INHERIT" not in con.definition
            if inheritable and all(c.name != con.name for c in checks):
                checks.append(replace(con, comment=None))
    return columns, checks
