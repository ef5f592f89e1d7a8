"""Explicit renames from ``-- lockplane: renamed from old_name`` hints (tables and columns).

Renames are never guessed: only a hint in the desired ``.lp.sql`` turns a drop + create into
``ALTER TABLE ... RENAME``. The source pass records each hint on its statement
(``source.Statement.hints``); here a hint is tied to the table the statement creates (a hint
before ``CREATE TABLE``) or to one of its columns (a hint before a column line), checked
against the current schema, and becomes a ``Rename``. A hint naming nothing that exists is a
``SchemaSourceError`` at the hint's position.

The rest of the plan is diffed from the current schema *after* the renames, as PostgreSQL
prints it (index and constraint definitions name the new table and columns), so the caller
provides that schema: run ``rename_statements`` on a copy of the current schema (a shadow or
scratch database) and introspect it. ``plan.renamed.plan_with_renames`` puts the renames first.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from alembic_lockplane.errors import SchemaSourceError
from alembic_lockplane.model.objects import Origin, Schema, Table
from alembic_lockplane.render.quote import qualified, quote_ident
from alembic_lockplane.source.statement import Statement

_NAME = r'(?:"(?:[^"]|"")+"|[A-Za-z_][A-Za-z0-9_$]*)'
_CREATE_TABLE = re.compile(
    rf"^\s*CREATE\s+(?:UNLOGGED\s+)?TABLE\s+(?:(?P<schema>{_NAME})\s*\.\s*)?(?P<name>{_NAME})",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Rename:
    """``ALTER TABLE schema.table RENAME [COLUMN old] TO new``; ``table`` is the table's
    name when the statement runs (table renames run before column renames)."""

    kind: Literal["table", "column"]
    schema: str
    table: str
    old: str
    new: str
    origin: Origin | None = None

    def sql(self) -> str:
        target = qualified(self.schema, self.table)
        if self.kind == "table":
            return f"ALTER TABLE {target} RENAME TO {quote_ident(self.new)}"
        return (
            f"ALTER TABLE {target} RENAME COLUMN {quote_ident(self.old)} TO {quote_ident(self.new)}"
        )

    def reverse(self) -> Rename:
        table = self.new if self.kind == "table" else self.table
        return Rename(self.kind, self.schema, table, self.new, self.old, self.origin)

    @property
    def description(self) -> str:
        if self.kind == "table":
            return f"Rename table {self.old} to {self.new}"
        return f"Rename column {self.old} of table {self.table} to {self.new}"


def unquote(name: str) -> str:
    """A name as written in SQL -> as PostgreSQL stores it."""
    if name.startswith('"') and name.endswith('"') and len(name) >= 2:
        return name[1:-1].replace('""', '"')
    return name.lower()


def resolve_renames(
    statements: Sequence[Statement], current: Schema, desired: Schema
) -> tuple[Rename, ...]:
    """The renames the hints ask for: table renames first, then column renames."""
    tables: list[Rename] = []
    columns: list[Rename] = []
    for statement in statements:
        if not statement.hints:
            continue
        created = _created_table(statement, desired)
        for hint in statement.hints:
            old = unquote(hint.old_name.strip())
            if hint.target is None:
                tables.append(_table_rename(created, old, current, hint.origin))
        old_table = next((r.old for r in tables if r.new == created.name), created.name)
        for hint in statement.hints:
            if hint.target is not None:
                old = unquote(hint.old_name.strip())
                new = unquote(hint.target)
                columns.append(_column_rename(created, old_table, old, new, current, hint.origin))
    return (*tables, *columns)


def _fail(message: str, origin: Origin, hint: str | None = None) -> SchemaSourceError:
    return SchemaSourceError(f"{origin}: {message}", hint=hint, origin=origin)


def _created_table(statement: Statement, desired: Schema) -> Table:
    found = _CREATE_TABLE.match(statement.text)
    origin = statement.hints[0].origin
    if found is None:
        raise _fail(
            "a rename hint is only supported before CREATE TABLE or one of its column lines",
            origin,
            hint="renames of indexes, constraints, types, views and schemas are not supported yet",
        )
    name = unquote(found["name"])
    schema = unquote(found["schema"]) if found["schema"] else None
    matches = [t for t in desired.tables if t.name == name and schema in (None, t.schema)]
    if len(matches) != 1:
        raise _fail(f"cannot tell which table {name!r} this rename hint belongs to", origin)
    return matches[0]


def _table_rename(created: Table, old: str, current: Schema, origin: Origin) -> Rename:
    if current.table(created.schema, old) is None:
        raise _fail(
            f"renamed from {old!r}, but table {created.schema}.{old} does not exist",
            origin,
            hint="a hint names the table as it is now in the database; remove the hint "
            "once the rename has been applied",
        )
    if current.table(created.schema, created.name) is not None:
        raise _fail(f"table {created.schema}.{created.name} already exists", origin)
    return Rename("table", created.schema, old, old, created.name, origin)


def _column_rename(
    created: Table, old_table: str, old: str, new: str, current: Schema, origin: Origin
) -> Rename:
    before = current.table(created.schema, old_table)
    names = {c.name for c in before.columns} if before is not None else set()
    if old not in names:
        raise _fail(
            f"renamed from {old!r}, but table {created.schema}.{old_table} has no column {old!r}",
            origin,
        )
    if new not in {c.name for c in created.columns} or new in names:
        raise _fail(f"cannot rename column {old!r} to {new!r} of {created.name}", origin)
    return Rename("column", created.schema, created.name, old, new, origin)


def rename_statements(renames: Sequence[Rename]) -> list[str]:
    return [r.sql() for r in renames]
