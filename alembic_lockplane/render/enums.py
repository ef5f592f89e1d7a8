"""Recreating an enum: the only way to remove, rename or reorder its values.

The old type is renamed out of the way, the new one created under the real name, every
column using it cast over through ``text`` (a default is dropped first and set again,
since PostgreSQL cannot cast a default to another type), and the old type dropped. A
stored value missing from the new type makes the cast fail, and the step with it.
"""

from __future__ import annotations

from alembic_lockplane.diff.changes import CommentKind, CommentTarget, RecreateEnum
from alembic_lockplane.render.quote import qualified, quote_ident, quote_literal
from alembic_lockplane.render.sql import alter_column, comments_if_set

_NAME_BYTES = 63  # NAMEDATALEN - 1


def old_type_name(name: str) -> str:
    """The temporary name of the type being replaced, cut to PostgreSQL's name limit."""
    temp = f"{name}__lockplane_old"
    while len(temp.encode("utf-8")) > _NAME_BYTES:
        name = name[:-1]
        temp = f"{name}__lockplane_old"
    return temp


def recreate_enum(change: RecreateEnum) -> list[str]:
    new = change.new
    name = qualified(new.schema, new.name)
    temp = old_type_name(change.old.name)
    values = ", ".join(quote_literal(v) for v in new.values)
    out = [
        f"ALTER TYPE {qualified(change.old.schema, change.old.name)} RENAME TO {quote_ident(temp)}",
        f"CREATE TYPE {name} AS ENUM ({values})",
    ]
    for use in change.uses:
        column, after = use.column, use.after or use.column
        array = "[]" if column.type.endswith("[]") else ""
        if column.default is not None:
            out.append(alter_column(use.table, column.name, "DROP DEFAULT"))
        cast = f"{quote_ident(column.name)}::text{array}::{name}{array}"
        out.append(alter_column(use.table, column.name, f"TYPE {name}{array} USING {cast}"))
        if after.default is not None:
            out.append(alter_column(use.table, column.name, f"SET DEFAULT {after.default}"))
    out.append(f"DROP TYPE {qualified(change.old.schema, temp)}")
    target = CommentTarget(CommentKind.TYPE, new.schema, new.name)
    return out + comments_if_set(target, new.comment)
