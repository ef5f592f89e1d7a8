"""Explicit renames from ``-- lockplane: renamed from old_name`` hints.

Renames are never guessed: only a hint in the desired ``.lp.sql`` turns a drop + create into
a ``RENAME``. The source pass records each hint on its statement (``source.Statement.hints``);
here a hint is tied to what it precedes, checked against the current schema, and becomes a
``Rename``:

* before ``CREATE SCHEMA`` / ``CREATE TABLE`` / ``CREATE [UNIQUE] INDEX`` / ``CREATE
  [MATERIALIZED] VIEW`` / ``CREATE TYPE ... AS ENUM`` / ``CREATE DOMAIN`` / ``CREATE
  COLLATION``: that object;
* before a column line inside ``CREATE TABLE``: that column;
* before a ``CONSTRAINT name ...`` line inside ``CREATE TABLE``, or before (or inside) an
  ``ALTER TABLE ... ADD CONSTRAINT name`` statement: that constraint;
* before a line of ``CREATE TYPE ... AS ENUM (...)`` that starts with a value (a string
  literal): that value (``ALTER TYPE ... RENAME VALUE``, PostgreSQL 10+).

A hint naming nothing that exists is a ``SchemaSourceError`` at the hint's position. A hint
whose rename has already happened (the old name is gone, the new one exists) does nothing,
so a hint left in the file after ``upgrade`` is harmless.

The rest of the plan is diffed from the current schema *after* the renames, as PostgreSQL
prints it (definitions name the new objects), so the caller provides that schema: run
``rename_statements`` on a copy of the current schema (a scratch database) and introspect it
(``engine.make_plan`` does). ``plan.renamed.plan_with_renames`` puts the renames first.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Literal, cast

from alembic_lockplane.errors import SchemaSourceError
from alembic_lockplane.model.objects import Origin, Schema
from alembic_lockplane.render.quote import qualified, quote_ident, quote_literal
from alembic_lockplane.source.statement import RenameHint, Statement

RenameKind = Literal[
    "schema", "table", "column", "constraint", "index", "view", "materialized view", "type",
    "domain", "enum value", "collation",
]  # fmt: skip

_NAME = r'(?:"(?:[^"]|"")+"|[A-Za-z_][A-Za-z0-9_$]*)'
_QNAME = rf"(?:(?P<schema>{_NAME})\s*\.\s*)?(?P<name>{_NAME})"
_IF_NOT_EXISTS = r"(?:IF\s+NOT\s+EXISTS\s+)?"
_SUBJECTS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern, re.IGNORECASE | re.DOTALL))
    for kind, pattern in (
        ("schema", rf"^CREATE\s+SCHEMA\s+{_IF_NOT_EXISTS}(?P<name>{_NAME})"),
        ("table", rf"^CREATE\s+(?:UNLOGGED\s+)?TABLE\s+{_IF_NOT_EXISTS}{_QNAME}"),
        (
            "index",
            rf"^CREATE\s+(?:UNIQUE\s+)?INDEX\s+(?:CONCURRENTLY\s+)?{_IF_NOT_EXISTS}"
            rf"(?P<name>{_NAME})\s+ON\s+(?:ONLY\s+)?(?:(?P<schema>{_NAME})\s*\.\s*)?{_NAME}",
        ),
        ("materialized view", rf"^CREATE\s+MATERIALIZED\s+VIEW\s+{_IF_NOT_EXISTS}{_QNAME}"),
        ("view", rf"^CREATE\s+(?:OR\s+REPLACE\s+)?(?:RECURSIVE\s+)?VIEW\s+{_QNAME}"),
        ("domain", rf"^CREATE\s+DOMAIN\s+{_QNAME}"),
        ("collation", rf"^CREATE\s+COLLATION\s+{_IF_NOT_EXISTS}{_QNAME}"),
        ("type", rf"^CREATE\s+TYPE\s+{_QNAME}\s*(?P<rest>.*)$"),
        (
            "constraint",
            rf"^ALTER\s+TABLE\s+(?:IF\s+EXISTS\s+)?(?:ONLY\s+)?{_QNAME}\s+"
            rf"ADD\s+CONSTRAINT\s+(?P<constraint>{_NAME})",
        ),
    )
)
_LINE_COMMENT = re.compile(r"--[^\n]*")
_TYPE_FORM = re.compile(r"\s*AS\s*(?:(?P<word>ENUM|RANGE)\b|(?P<paren>\())", re.IGNORECASE)
_CONSTRAINT_LINE = re.compile(
    rf"^(?:\s|--[^\n]*\n)*CONSTRAINT\s+(?P<name>{_NAME})", re.IGNORECASE | re.DOTALL
)


@dataclass(frozen=True)
class Rename:
    """One ``RENAME``. ``schema`` is the object's schema (for a schema rename: the schema's
    old name, the same as ``old``); ``table`` is the table's name when the statement runs
    (columns and constraints; for a table rename its old name; for an enum value the enum
    type's name; else empty)."""

    kind: RenameKind
    schema: str
    table: str
    old: str
    new: str
    origin: Origin | None = None

    def sql(self) -> str:
        new = quote_ident(self.new)
        match self.kind:
            case "schema":
                return f"ALTER SCHEMA {quote_ident(self.old)} RENAME TO {new}"
            case "table":
                return f"ALTER TABLE {qualified(self.schema, self.table)} RENAME TO {new}"
            case "column" | "constraint":
                what = self.kind.upper()
                target = qualified(self.schema, self.table)
                return f"ALTER TABLE {target} RENAME {what} {quote_ident(self.old)} TO {new}"
            case "enum value":
                target = qualified(self.schema, self.table)
                old, value = quote_literal(self.old), quote_literal(self.new)
                return f"ALTER TYPE {target} RENAME VALUE {old} TO {value}"
            case _:
                what = self.kind.upper()
                return f"ALTER {what} {qualified(self.schema, self.old)} RENAME TO {new}"

    def reverse(self) -> Rename:
        if self.kind == "table":
            return Rename("table", self.schema, self.new, self.new, self.old, self.origin)
        schema = self.new if self.kind == "schema" else self.schema
        return Rename(self.kind, schema, self.table, self.new, self.old, self.origin)

    @property
    def description(self) -> str:
        if self.kind in ("column", "constraint"):
            return f"Rename {self.kind} {self.old} of table {self.table} to {self.new}"
        if self.kind == "enum value":
            old, new = quote_literal(self.old), quote_literal(self.new)
            return f"Rename value {old} of enum type {self.table} to {new}"
        return f"Rename {self.kind} {self.old} to {self.new}"

    @property
    def lock(self) -> str | None:
        """The lock the rename takes, held for a moment (a catalog change, no scan).
        ``ALTER INDEX ... RENAME`` takes SHARE UPDATE EXCLUSIVE (PostgreSQL 12+); types,
        domains and schemas are not tables: no table lock."""
        if self.kind == "index":
            return "SHARE UPDATE EXCLUSIVE"
        if self.kind in ("schema", "type", "domain", "enum value", "collation"):
            return None
        return "ACCESS EXCLUSIVE"


def unquote(name: str) -> str:
    """A name as written in SQL -> as PostgreSQL stores it."""
    name = name.strip()
    if name.startswith('"') and name.endswith('"') and len(name) >= 2:
        return name[1:-1].replace('""', '"')
    return name.lower()


def unquote_value(value: str) -> str:
    """An enum value as written in SQL (a string literal; a bare word is taken as it is)."""
    value = value.strip()
    if value.startswith("'") and value.endswith("'") and len(value) >= 2:
        return value[1:-1].replace("''", "'")
    return value


#: ``CREATE TYPE name AS ...`` forms a hint may rename, and where the current schema keeps
#: them. Extension point: a model that gains a kind of type (composite, range) adds its
#: lookup here, e.g. ``"composite": lambda s: ((t.schema, t.name) for t in s.composites)``.
TYPE_LOOKUPS: dict[str, Callable[[Schema], Iterable[tuple[str, str]]]] = {
    "enum": lambda s: ((e.schema, e.name) for e in s.enums),
}


def type_form(rest: str) -> str:
    """``enum``, ``range``, ``composite`` or ``base`` from what follows ``CREATE TYPE name``."""
    found = _TYPE_FORM.match(rest)
    if found is None:
        return "base"
    return "composite" if found["paren"] else found["word"].lower()


def resolve_renames(
    statements: Sequence[Statement], current: Schema, desired: Schema
) -> tuple[Rename, ...]:
    """The renames the hints ask for, in the order they must run: schemas, tables, then
    columns, constraints, indexes, views, types and domains (named in their new schema and
    table). ``desired`` tells the schema of a name the statement leaves unqualified."""
    resolver = _Resolver(current, desired)
    hinted = [s for s in statements if s.hints]
    # Schema renames first: the other hints' old objects are looked up in the old schema.
    for statement in hinted:
        kind, found = _subject(statement)
        if kind == "schema" and found is not None:
            for hint in _statement_hints(statement):
                resolver.schema(unquote(found["name"]), hint)
    for statement in hinted:
        resolver.statement(statement)
    return resolver.ordered()


def rename_statements(renames: Sequence[Rename]) -> list[str]:
    return [r.sql() for r in renames]


_RUN_ORDER: tuple[RenameKind, ...] = (
    "schema",
    "table",
    "column",
    "constraint",
    "index",
    "view",
    "materialized view",
    "type",
    "domain",
    "enum value",
    "collation",
)
_ORDER: dict[str, int] = {kind: n for n, kind in enumerate(_RUN_ORDER)}


def _fail(message: str, origin: Origin, hint: str | None = None) -> SchemaSourceError:
    return SchemaSourceError(message, hint=hint, origin=origin)


_NOW_HINT = (
    "a hint names the object as it is now in the database; remove the hint once the rename "
    "has been applied"
)


def _subject(statement: Statement) -> tuple[str | None, re.Match[str] | None]:
    # Line comments (the hints themselves, inside a statement) read as spaces; only the
    # statement's head is matched, so a "--" inside a later literal does no harm.
    head = _LINE_COMMENT.sub(" ", statement.text)
    for kind, pattern in _SUBJECTS:
        found = pattern.match(head)
        if found is not None:
            return kind, found
    return None, None


def _statement_hints(statement: Statement) -> list[RenameHint]:
    return [h for h in statement.hints if h.target is None]


class _Resolver:
    def __init__(self, current: Schema, desired: Schema):
        self.current = current
        self.desired = desired
        self.renames: list[Rename] = []
        self.old_schema: dict[str, str] = {}  # new schema name -> its name now
        self.old_table: dict[tuple[str, str], str] = {}  # (new schema, new table) -> old name

    def _schema_of(self, kind: str, name: str) -> str:
        """The schema of an unqualified ``name``: the only desired object of that kind and
        name, else ``public`` (the usual ``search_path``)."""
        d = self.desired
        objects: Iterable[tuple[str, str]] = {
            "table": ((t.schema, t.name) for t in d.tables),
            "constraint": ((t.schema, t.name) for t in d.tables),
            "index": ((i.schema, i.name) for i in d.indexes),
            "view": ((v.schema, v.name) for v in d.views),
            "materialized view": ((v.schema, v.name) for v in d.views),
            "domain": ((o.schema, o.name) for o in d.domains),
            "type": ((o.schema, o.name) for o in d.enums),
            "collation": ((o.schema, o.name) for o in d.collations),
        }.get(kind, ())
        schemas = {s for s, n in objects if n == name}
        return schemas.pop() if len(schemas) == 1 else "public"

    def ordered(self) -> tuple[Rename, ...]:
        return tuple(sorted(self.renames, key=lambda r: _ORDER[r.kind]))

    # -- what exists now
    def _before(self, schema: str) -> str:
        return self.old_schema.get(schema, schema)

    def _tables(self) -> set[tuple[str, str]]:
        return {(t.schema, t.name) for t in self.current.tables}

    def _exists(self, kind: str, schema: str, name: str, form: str = "") -> bool | None:
        """Whether ``schema.name`` of ``kind`` exists now; ``None``: kind not supported."""
        cur = self.current
        match kind:
            case "schema":
                return any(n.name == name for n in cur.namespaces)
            case "table":
                return (schema, name) in self._tables()
            case "index":
                names = {(i.schema, i.name) for i in cur.indexes}
                names |= {(i.schema, i.name) for v in cur.views for i in v.indexes}
                return (schema, name) in names
            case "view" | "materialized view":
                materialized = kind == "materialized view"
                return any(
                    (v.schema, v.name, v.materialized) == (schema, name, materialized)
                    for v in cur.views
                )
            case "domain":
                return any((d.schema, d.name) == (schema, name) for d in cur.domains)
            case "collation":
                return any((c.schema, c.name) == (schema, name) for c in cur.collations)
            case "type":
                lookup = TYPE_LOOKUPS.get(form)
                return None if lookup is None else (schema, name) in set(lookup(cur))
        return None

    def _record(self, rename: Rename, exists_old: bool, exists_new: bool, what: str) -> None:
        origin = rename.origin
        assert origin is not None
        if exists_old and exists_new:
            raise _fail(f"cannot rename {what} {rename.old!r}: {rename.new!r} exists too", origin)
        if exists_old:
            self.renames.append(rename)
        elif not exists_new:
            raise _fail(
                f"renamed from {rename.old!r}, but {what} does not exist", origin, _NOW_HINT
            )
        # else: the rename has been applied already; nothing to do

    # -- hints
    def schema(self, new: str, hint: RenameHint) -> None:
        old = unquote(hint.old_name)
        exists_old = self._exists("schema", old, old) is True
        exists_new = self._exists("schema", new, new) is True
        self._record(Rename("schema", old, "", old, new, hint.origin), exists_old, exists_new,
                     f"schema {old}")  # fmt: skip
        if exists_old and not exists_new:
            self.old_schema[new] = old

    def statement(self, statement: Statement) -> None:
        kind, found = _subject(statement)
        first = statement.hints[0].origin
        if kind is None or found is None:
            raise _fail(
                "a rename hint must precede CREATE SCHEMA, TABLE, INDEX, VIEW, MATERIALIZED "
                "VIEW, TYPE, DOMAIN or COLLATION, a column or CONSTRAINT line of CREATE TABLE, "
                "a value line of CREATE TYPE ... AS ENUM, or ALTER TABLE ... ADD CONSTRAINT",
                first,
                hint="see docs/renames.md",
            )
        if kind == "schema":
            if any(h.target is not None for h in statement.hints):
                raise _fail("a rename hint inside CREATE SCHEMA names nothing", first)
            return  # done first, in resolve_renames
        name = unquote(found["name"])
        schema = unquote(found["schema"]) if found["schema"] else self._schema_of(kind, name)
        if kind == "table":
            self._table(statement, schema, name)
        elif kind == "constraint":
            for hint in statement.hints:
                self._constraint(schema, name, unquote(found["constraint"]), hint)
        else:
            form = type_form(found["rest"]) if kind == "type" else ""
            old_type = name
            for hint in _statement_hints(statement):
                if self._object(kind, schema, name, hint, form):
                    old_type = unquote(hint.old_name)
            for hint in statement.hints:
                if hint.target is None:
                    continue
                if form != "enum" or not hint.target.startswith("'"):
                    what = f"CREATE {kind.upper()}"
                    raise _fail(f"a rename hint inside {what} names nothing", hint.origin)
                self._enum_value(schema, name, old_type, unquote_value(hint.target), hint)

    def _object(self, kind: str, schema: str, new: str, hint: RenameHint, form: str) -> bool:
        """Record the rename; whether it is to run (the old object exists now)."""
        if form == "enum" and hint.old_name.startswith("'"):
            raise _fail(
                "a hint naming a value renames that value: put it on the line just before "
                "the new value, inside the parentheses",
                hint.origin,
                hint="see docs/renames.md",
            )
        old = unquote(hint.old_name)
        before = self._before(schema)
        exists_old = self._exists(kind, before, old, form)
        if exists_old is None:
            raise _fail(
                f"renaming a {form} type is not supported yet",
                hint.origin,
                hint="see docs/renames.md",
            )
        exists_new = self._exists(kind, before, new, form) is True
        what = f"{'type' if kind == 'type' else kind} {before}.{old}"
        rename = Rename(cast(RenameKind, kind), schema, "", old, new, hint.origin)
        self._record(rename, exists_old, exists_new, what)
        return exists_old

    def _enum_value(
        self, schema: str, type_name: str, old_type: str, new: str, hint: RenameHint
    ) -> None:
        """A value of enum ``schema.type_name`` (``old_type`` now, when the type is renamed
        too; its value rename runs after the type's)."""
        old = unquote_value(hint.old_name)
        before = self._before(schema)
        enum = next(
            (e for e in self.current.enums if (e.schema, e.name) == (before, old_type)), None
        )
        values = set(enum.values) if enum is not None else set()
        where = f"enum type {before}.{old_type}"
        rename = Rename("enum value", schema, type_name, old, new, hint.origin)
        self._record(rename, old in values, new in values, f"value {old!r} of {where}")

    def _table(self, statement: Statement, schema: str, name: str) -> None:
        before = self._before(schema)
        old_name = name
        for hint in _statement_hints(statement):
            old = unquote(hint.old_name)
            exists_old = (before, old) in self._tables()
            exists_new = (before, name) in self._tables()
            rename = Rename("table", schema, old, old, name, hint.origin)
            self._record(rename, exists_old, exists_new, f"table {before}.{old}")
            if exists_old and not exists_new:
                old_name = old
        self.old_table[(schema, name)] = old_name
        lines = statement.text.split("\n")
        for hint in statement.hints:
            if hint.target is None:
                continue
            after = "\n".join(lines[hint.origin.line - statement.origin.line + 1 :])
            constraint = _CONSTRAINT_LINE.match(after)
            if hint.target.upper() == "CONSTRAINT":
                if constraint is None:
                    raise _fail("cannot read the constraint name after this hint", hint.origin)
                self._constraint(schema, name, unquote(constraint["name"]), hint)
            elif hint.target.upper() in ("PRIMARY", "UNIQUE", "CHECK", "FOREIGN", "EXCLUDE"):
                raise _fail(
                    "a renamed constraint needs its name: write CONSTRAINT name ...",
                    hint.origin,
                )
            else:
                self._column(schema, name, unquote(hint.target), hint)

    def _table_now(self, schema: str, table: str) -> tuple[str, str]:
        return self._before(schema), self.old_table.get((schema, table), table)

    def _column(self, schema: str, table: str, new: str, hint: RenameHint) -> None:
        old = unquote(hint.old_name)
        now = self.current.table(*self._table_now(schema, table))
        names = {c.name for c in now.columns} if now is not None else set()
        where = ".".join(self._table_now(schema, table))
        rename = Rename("column", schema, table, old, new, hint.origin)
        self._record(rename, old in names, new in names, f"column {old!r} of table {where}")

    def _constraint(self, schema: str, table: str, new: str, hint: RenameHint) -> None:
        old = unquote(hint.old_name)
        now = self.current.table(*self._table_now(schema, table))
        names = {c.name for c in now.constraints} if now is not None else set()
        where = ".".join(self._table_now(schema, table))
        rename = Rename("constraint", schema, table, old, new, hint.origin)
        self._record(rename, old in names, new in names, f"constraint {old!r} of table {where}")
