"""Which indexes and constraints of the current schema use a column.

Index keys, INCLUDE columns and predicates are the server's own text, where a column is
written the way ``quote_ident`` writes it; a column is used when that spelling appears as a
whole identifier (so dropping ``a`` does not match ``ab`` or ``"a b"``).
"""

from __future__ import annotations

import re

from alembic_lockplane.model.objects import Constraint, Index, Schema
from alembic_lockplane.render.quote import quote_ident


def mentions(text: str, column: str) -> bool:
    """True when ``text`` (an expression as PostgreSQL prints it) names ``column``."""
    spelled = re.escape(quote_ident(column))
    return re.search(rf'(?<![\w$"]){spelled}(?![\w$"])', text) is not None


def indexes_using(schema: Schema, table: tuple[str, str], column: str) -> list[Index]:
    found = []
    for index in schema.indexes:
        if (index.schema, index.table) != (table[0], table[1]):
            continue
        texts = [k.expression for k in index.keys] + [index.predicate or ""]
        if column in index.include or any(mentions(t, column) for t in texts):
            found.append(index)
    return found


def covers_other_columns(
    schema: Schema, table: tuple[str, str], user: Index | Constraint, column: str
) -> bool:
    """True when ``user`` (an index or constraint using ``column``) also uses another column."""
    t = schema.table(table[0], table[1])
    others = [c.name for c in t.columns if c.name != column] if t else []
    if isinstance(user, Index):
        texts = [k.expression for k in user.keys] + [user.predicate or ""]
        names = set(user.include)
    else:
        texts = [] if user.columns else [user.definition]
        names = set(user.columns)
    return any(o in names or any(mentions(t, o) for t in texts) for o in others)


def kept_indexes_using(
    current: Schema, desired: Schema, table: tuple[str, str], column: str
) -> list[Index]:
    """Indexes using ``column`` that the plan leaves as they are (not dropped and re-created)."""
    wanted = set(desired.indexes)
    return [i for i in indexes_using(current, table, column) if i in wanted]


def kept_constraints_using(
    current: Schema, desired: Schema, table: tuple[str, str], column: str
) -> list[Constraint]:
    t = desired.table(table[0], table[1])
    wanted = set(t.constraints) if t else set()
    return [c for c in constraints_using(current, table, column) if c in wanted]


def constraints_using(schema: Schema, table: tuple[str, str], column: str) -> list[Constraint]:
    """Constraints of the table whose columns include ``column`` (CHECKs by their text)."""
    t = schema.table(table[0], table[1])
    if t is None:
        return []
    return [
        c
        for c in t.constraints
        if column in c.columns or (not c.columns and mentions(c.definition, column))
    ]
