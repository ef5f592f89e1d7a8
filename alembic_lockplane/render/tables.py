"""``CREATE TABLE`` with its columns, non-FK constraints, comments and RLS flags.

Foreign keys and policies are separate steps (see ``diff.changes``), so tables can be
created in any order and reference each other in cycles.
"""

from __future__ import annotations

from alembic_lockplane.diff.changes import CommentKind, CommentTarget, TableKey
from alembic_lockplane.model.objects import Table
from alembic_lockplane.render.quote import quote_ident
from alembic_lockplane.render.sql import alter_table, column_definition, comments_if_set, table_name


def create_table(table: Table) -> list[str]:
    key = TableKey(table.schema, table.name)
    parts = [column_definition(c) for c in table.columns]
    parts += [f"CONSTRAINT {quote_ident(c.name)} {c.definition}" for c in table.constraints]
    out = [f"CREATE TABLE {table_name(key)} ({', '.join(parts)})"]
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
