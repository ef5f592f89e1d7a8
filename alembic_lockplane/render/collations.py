"""Collation changes -> SQL.

A recreate renames the old collation out of the way, creates the new one under the real
name, moves every column that used the old one over (``ALTER COLUMN ... TYPE same COLLATE
new``: the rows stay, indexes on the column are rebuilt) and drops the old one.
"""

from __future__ import annotations

from alembic_lockplane.diff.changes import CommentKind, CommentTarget
from alembic_lockplane.diff.changes_collations import (
    CollationChange,
    CreateCollation,
    DropCollation,
    RecreateCollation,
)
from alembic_lockplane.model.collations import Collation
from alembic_lockplane.render.enums import old_type_name
from alembic_lockplane.render.quote import qualified, quote_ident, quote_literal
from alembic_lockplane.render.sql import alter_column, comments_if_set


def _name(c: Collation) -> str:
    return qualified(c.schema, c.name)


def create_collation(c: Collation) -> list[str]:
    options = [f"provider = {c.provider}"]
    if c.provider == "libc":
        if c.lc_collate == c.lc_ctype and c.lc_collate is not None:
            options.append(f"locale = {quote_literal(c.lc_collate)}")
        else:
            options.append(f"lc_collate = {quote_literal(c.lc_collate or '')}")
            options.append(f"lc_ctype = {quote_literal(c.lc_ctype or '')}")
    else:
        options.append(f"locale = {quote_literal(c.locale or '')}")
    if not c.deterministic:
        options.append("deterministic = false")
    if c.rules is not None:
        options.append(f"rules = {quote_literal(c.rules)}")
    target = CommentTarget(CommentKind.COLLATION, c.schema, c.name)
    create = f"CREATE COLLATION {_name(c)} ({', '.join(options)})"
    return [create, *comments_if_set(target, c.comment)]


def recreate_collation(change: RecreateCollation) -> list[str]:
    old, new = change.old, change.new
    temp = old_type_name(old.name)
    out = [f"ALTER COLLATION {_name(old)} RENAME TO {quote_ident(temp)}"]
    out += create_collation(new)
    for use in change.uses:
        column = use.column
        out.append(alter_column(use.table, column.name, f"TYPE {column.type} COLLATE {_name(new)}"))
    out.append(f"DROP COLLATION {qualified(old.schema, temp)}")
    return out


def collation_statements(change: CollationChange) -> list[str]:
    match change:
        case CreateCollation(new=c):
            return create_collation(c)
        case DropCollation(old=c):
            return [f"DROP COLLATION {_name(c)}"]
        case RecreateCollation():
            return recreate_collation(change)


def collation_description(change: CollationChange) -> str:
    from alembic_lockplane.render.describe import display

    match change:
        case CreateCollation(new=c):
            return f"Create collation {display(c.schema, c.name)}"
        case DropCollation(old=c):
            return f"Drop collation {display(c.schema, c.name)}"
        case RecreateCollation(new=c, uses=uses):
            moved = f", moving {len(uses)} column(s) to it" if uses else ""
            return f"Drop and create collation {display(c.schema, c.name)}{moved}"


def collation_lock(change: CollationChange) -> str | None:
    """Moving columns to the recreated collation is ``ALTER TABLE ... ALTER COLUMN TYPE``:
    ACCESS EXCLUSIVE on their tables; otherwise no table is locked."""
    if isinstance(change, RecreateCollation) and change.uses:
        return "ACCESS EXCLUSIVE"
    return None
