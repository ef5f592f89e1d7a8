"""``CREATE TABLE`` with its columns, non-FK constraints, comments and RLS flags (and
``PARTITION OF`` / ``INHERITS`` / ``PARTITION BY``).

Foreign keys and policies are separate steps (see ``diff.changes``), so tables can be
created in any order and reference each other in cycles.
"""

from __future__ import annotations

from alembic_lockplane.diff.changes import CommentKind, CommentTarget, TableKey
from alembic_lockplane.model.objects import Table
from alembic_lockplane.render.quote import qualified, quote_ident
from alembic_lockplane.render.sql import alter_table, column_definition, comments_if_set, table_name
from alembic_lockplane.render.storage import column_storage, with_clause


def create_table(table: Table) -> list[str]:
    key = TableKey(table.schema, table.name)
    parts = [column_definition(c) for c in table.columns]
    parts += [f"CONSTRAINT {quote_ident(c.name)} {c.definition}" for c in table.constraints]
    out = [_create(table, key, parts)]
    for column in table.columns:
        out += column_storage(key, None, column)
    out += comments_if_set(CommentTarget(CommentKind.TABLE, key.schema, key.name), table.comment)
    for column in table.columns:
        target = CommentTarget(CommentKind.COLUMN, key.schema, column.name, key.name)
        out += comments_if_set(target, column.comment)
    for con in table.constraints:
        target = CommentTarget(CommentKind.CONSTRAINT, key.schema, con.name, key.name)
        out += comments_if_set(target, con.comment)
    if table.rls_enabled:
        out.append(alter_table(key, "ENABLE ROW LEVEL SECURITY"))
    if table.rls_forced:
        out.append(alter_table(key, "FORCE ROW LEVEL SECURITY"))
    return out


def _create(table: Table, key: TableKey, parts: list[str]) -> str:
    """``CREATE TABLE``: plain, ``PARTITION OF parent ... FOR VALUES``, with ``INHERITS``,
    and ``PARTITION BY`` for a partitioned table (a partition may be one too)."""
    unlogged = "UNLOGGED " if table.unlogged else ""
    if table.partition_of is not None:
        of = table.partition_of
        parent = qualified(of.schema, of.table)
        sql = f"CREATE {unlogged}TABLE {table_name(key)} PARTITION OF {parent}"
        if parts:
            sql += f" ({', '.join(parts)})"
        sql += f" {of.bound}"
    else:
        sql = f"CREATE {unlogged}TABLE {table_name(key)} ({', '.join(parts)})"
        if table.inherits:
            parents = ", ".join(qualified(p.schema, p.name) for p in table.inherits)
            sql += f" INHERITS ({parents})"
    if table.partition_by is not None:
        sql += f" PARTITION BY {table.partition_by}"
    return sql + with_clause(table)
