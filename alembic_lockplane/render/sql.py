"""SQL fragments shared by the renderer: names, column definitions, options, comments.

Text that PostgreSQL produced (types, defaults, expressions, constraint and index
definitions) is emitted verbatim: it was printed with ``search_path`` empty, so it is
already schema-qualified and valid to run anywhere. Only names are built here, and only
through ``quote.py``.
"""

from __future__ import annotations

from alembic_lockplane.diff.changes import CommentKind, CommentTarget, TableKey
from alembic_lockplane.model.objects import Column, Identity, Sequence
from alembic_lockplane.render.quote import qualified, quote_ident, quote_literal

# ``ALTER COLUMN ... TYPE t COLLATE`` with this resets a column to its type's collation.
DEFAULT_COLLATION = 'pg_catalog."default"'


def table_name(key: TableKey) -> str:
    return qualified(key.schema, key.name)


def alter_table(key: TableKey, action: str) -> str:
    return f"ALTER TABLE {table_name(key)} {action}"


def alter_column(key: TableKey, column: str, action: str) -> str:
    return alter_table(key, f"ALTER COLUMN {quote_ident(column)} {action}")


def identity_options(identity: Identity) -> str:
    cycle = "CYCLE" if identity.cycle else "NO CYCLE"
    return (
        f"START WITH {identity.start} INCREMENT BY {identity.increment} "
        f"MINVALUE {identity.min_value} MAXVALUE {identity.max_value} "
        f"CACHE {identity.cache} {cycle}"
    )


def identity_clause(identity: Identity) -> str:
    when = "ALWAYS" if identity.always else "BY DEFAULT"
    return f"GENERATED {when} AS IDENTITY ({identity_options(identity)})"


def column_definition(column: Column) -> str:
    """``name type [COLLATE c] [GENERATED ...] [DEFAULT e] [NOT NULL]``."""
    parts = [quote_ident(column.name), column.type]
    if column.collation is not None:
        parts.append(f"COLLATE {column.collation}")
    if column.generated is not None:
        # Spelled STORED: PostgreSQL 18 makes a bare GENERATED column virtual.
        parts.append(f"GENERATED ALWAYS AS ({column.generated}) STORED")
    if column.identity is not None:
        parts.append(identity_clause(column.identity))
    if column.default is not None:
        parts.append(f"DEFAULT {column.default}")
    if column.not_null:
        parts.append("NOT NULL")
    return " ".join(parts)


def sequence_options(seq: Sequence, before: Sequence | None = None) -> str:
    """All options, or (with ``before``) only those that differ from it; a type change
    spells out every option so PostgreSQL does not adjust the bounds on its own."""
    full = before is None or before.data_type != seq.data_type
    parts: list[str] = []

    def add(differs: bool, text: str) -> None:
        if full or differs:
            parts.append(text)

    old = before or seq
    add(old.data_type != seq.data_type, f"AS {seq.data_type}")
    add(old.increment != seq.increment, f"INCREMENT BY {seq.increment}")
    add(old.min_value != seq.min_value, f"MINVALUE {seq.min_value}")
    add(old.max_value != seq.max_value, f"MAXVALUE {seq.max_value}")
    add(old.start != seq.start, f"START WITH {seq.start}")
    add(old.cache != seq.cache, f"CACHE {seq.cache}")
    add(old.cycle != seq.cycle, "CYCLE" if seq.cycle else "NO CYCLE")
    return " ".join(parts)


def role_list(roles: tuple[str, ...]) -> str:
    return ", ".join("PUBLIC" if r == "public" else quote_ident(r) for r in roles)


def comment_object(target: CommentTarget) -> str:
    """The ``COMMENT ON`` object clause, e.g. ``COLUMN public.users.email``."""
    kind, schema, name = target.kind, target.schema, target.name
    owner = qualified(schema, target.table or "")
    match kind:
        case CommentKind.SCHEMA:
            return f"SCHEMA {quote_ident(name)}"
        case CommentKind.EXTENSION:
            return f"EXTENSION {quote_ident(name)}"
        case CommentKind.TYPE | CommentKind.SEQUENCE | CommentKind.TABLE | CommentKind.INDEX:
            return f"{kind.value.upper()} {qualified(schema, name)}"
        case CommentKind.COLUMN:
            return f"COLUMN {owner}.{quote_ident(name)}"
        case CommentKind.CONSTRAINT | CommentKind.POLICY:
            return f"{kind.value.upper()} {quote_ident(name)} ON {owner}"
        case CommentKind.COLLATION:
            return f"COLLATION {qualified(schema, name)}"


def comment(target: CommentTarget, text: str | None) -> str:
    value = "NULL" if text is None else quote_literal(text)
    return f"COMMENT ON {comment_object(target)} IS {value}"


def comments_if_set(target: CommentTarget, text: str | None) -> list[str]:
    """The comment statement that completes a create, when the object has one."""
    return [] if text is None else [comment(target, text)]
