"""Declarative rules for ``.lp.sql`` files: one small function per rule, named after its code.

A desired-schema file says what must exist, not how to get there, so statements that destroy
objects or data, touch rows, or steer transactions are errors; clauses that only matter for
imperative scripts (``IF NOT EXISTS``, ``OR REPLACE``) and ``ALTER TABLE`` that merely completes a
``CREATE TABLE`` of the same source are warnings (``strict`` turns them into errors). Rules read
tokens only, so words inside strings, dollar-quoted bodies, comments or quoted identifiers never
trigger them. Every rule runs on every statement: all problems are reported at once.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from alembic_lockplane.model.objects import Origin
from alembic_lockplane.source.classify import create_object_index, words
from alembic_lockplane.source.diagnostics import Diagnostic
from alembic_lockplane.source.names import (
    QualifiedName,
    name_part,
    read_qualified,
    skip_words,
    split_top_level,
)
from alembic_lockplane.source.statement import Statement

_DATA_HINT = (
    "a desired-schema file declares structure only; put data changes in an Alembic revision "
    "(op.execute) or a seed script"
)


@dataclass(frozen=True)
class RuleContext:
    """What rules may know about the whole source: where each table is created.

    ``read_source`` runs the rules statement by statement (``Checker``): a rule sees the whole
    context only if it is listed in ``_WHOLE_SOURCE`` (with the statement kind it acts on);
    any other rule sees just the statements before it, without their tokens.
    """

    statements: Sequence[Statement]
    created_tables: Mapping[QualifiedName, int]  # table -> index of its CREATE TABLE statement


Rule = Callable[[int, Statement, RuleContext], list[Diagnostic]]


def _tok_origin(stmt: Statement, k: int) -> Origin:
    return stmt.origin_at(stmt.tokens[k].start + 1)


def _lead(stmt: Statement, count: int) -> str:
    return " ".join(w for w in words(stmt.tokens, count) if w)


def psql_meta_command(origin: Origin, command: str) -> Diagnostic:
    """A psql backslash command: only psql understands it, PostgreSQL does not."""
    return Diagnostic.at(
        origin,
        "error",
        "psql_meta_command",
        f"psql meta-command {command} is not SQL and cannot be loaded",
        "write plain SQL: instead of \\i, put each file in the schema folder (files are read in "
        "name order); instead of \\set variables, write the values",
    )


def drop_statement(i: int, stmt: Statement, ctx: RuleContext) -> list[Diagnostic]:
    if stmt.kind != "drop":
        return []
    second = words(stmt.tokens, 2)[1:]
    what = _lead(stmt, 3 if second in (["MATERIALIZED"], ["FOREIGN"], ["EVENT"]) else 2)
    return [
        Diagnostic.at(
            stmt.origin,
            "error",
            "drop_statement",
            f"{what} is not allowed in a desired-schema file",
            "delete the object's CREATE statement instead; lockplane plans the DROP when an "
            "object is no longer declared",
        )
    ]


def _alter_actions(stmt: Statement) -> tuple[QualifiedName | None, list[tuple[int, int]]]:
    """Target name and action ranges of ALTER TABLE / FOREIGN TABLE / DOMAIN / TYPE."""
    toks = stmt.tokens
    lead = words(toks, 3)
    if lead[:2] in (["ALTER", "TABLE"], ["ALTER", "DOMAIN"], ["ALTER", "TYPE"]):
        i = 2
    elif lead == ["ALTER", "FOREIGN", "TABLE"]:
        i = 3
    else:
        return None, []
    i = skip_words(toks, i, ("IF", "EXISTS"), ("ONLY",))
    name, i = read_qualified(toks, i)
    if i < len(toks) and toks[i].text == "*":
        i += 1
    return name, split_top_level(toks, i)


def alter_drop(i: int, stmt: Statement, ctx: RuleContext) -> list[Diagnostic]:
    """DROP COLUMN / CONSTRAINT / DEFAULT / NOT NULL / ... inside an ALTER of a table or type."""
    found: list[Diagnostic] = []
    for a, b in _alter_actions(stmt)[1]:
        action = words(stmt.tokens[a:b], 4)
        k = None
        if action[:1] == ["DROP"]:
            k = a
        elif action[:1] == ["ALTER"]:
            offset = 3 if action[1:2] in (["COLUMN"], ["ATTRIBUTE"]) else 2
            if action[offset : offset + 1] == ["DROP"]:
                k = a + offset
        if k is None:
            continue
        what = " ".join(stmt.text[stmt.tokens[k].start : stmt.tokens[b - 1].end].split())
        what = what if len(what) <= 40 else what[:37] + "..."
        found.append(
            Diagnostic.at(
                _tok_origin(stmt, k),
                "error",
                "alter_drop",
                f"{_lead(stmt, 2)} ... {what} is not allowed in a desired-schema file",
                "declare the table (or type) as it should be: remove the column, constraint or "
                "default from its CREATE statement, and lockplane plans the change",
            )
        )
    return found


def truncate(i: int, stmt: Statement, ctx: RuleContext) -> list[Diagnostic]:
    if stmt.kind != "truncate":
        return []
    return [Diagnostic.at(stmt.origin, "error", "truncate", "TRUNCATE deletes data", _DATA_HINT)]


def dml(i: int, stmt: Statement, ctx: RuleContext) -> list[Diagnostic]:
    if stmt.kind != "dml":
        return []
    verb = next((t.upper for t in stmt.tokens if t.upper in _DML_VERBS), stmt.tokens[0].upper)
    return [Diagnostic.at(stmt.origin, "error", "dml", f"{verb} reads or changes rows", _DATA_HINT)]


_DML_VERBS = frozenset({"INSERT", "UPDATE", "DELETE", "MERGE", "COPY"})


def transaction_control(i: int, stmt: Statement, ctx: RuleContext) -> list[Diagnostic]:
    if stmt.kind != "transaction_control":
        return []
    return [
        Diagnostic.at(
            stmt.origin,
            "error",
            "transaction_control",
            f"{_lead(stmt, 2 if words(stmt.tokens, 1) in (['START'], ['PREPARE']) else 1)} "
            "controls transactions, which lockplane manages itself",
            "remove it: the schema is loaded statement by statement, and plans are applied in "
            "a transaction chosen by lockplane",
        )
    ]


# Objects every new PostgreSQL database already has: declaring them needs IF NOT EXISTS, or the
# statement fails in the fresh scratch database (``schema "public" already exists``).
_PREINSTALLED = (
    ["CREATE", "SCHEMA", "IF", "NOT", "EXISTS"],
    ["CREATE", "EXTENSION", "IF", "NOT", "EXISTS"],
)
_PREINSTALLED_NAMES = {"SCHEMA": "public", "EXTENSION": "plpgsql"}


def if_not_exists(i: int, stmt: Statement, ctx: RuleContext) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    ups = [t.upper for t in stmt.tokens]
    if ups[:5] in _PREINSTALLED and len(stmt.tokens) > 5:
        name = name_part(stmt.tokens[5])
        if name == _PREINSTALLED_NAMES[ups[1]]:
            return []
    for k in range(len(ups) - 2):
        if ups[k : k + 3] == ["IF", "NOT", "EXISTS"]:
            found.append(
                Diagnostic.at(
                    _tok_origin(stmt, k),
                    "warning",
                    "if_not_exists",
                    "IF NOT EXISTS has no effect in a desired-schema file",
                    "remove IF NOT EXISTS: the file says what must exist, and lockplane "
                    "creates only what is missing",
                )
            )
    return found


def create_or_replace(i: int, stmt: Statement, ctx: RuleContext) -> list[Diagnostic]:
    if words(stmt.tokens, 3) != ["CREATE", "OR", "REPLACE"]:
        return []
    return [
        Diagnostic.at(
            stmt.origin,
            "warning",
            "create_or_replace",
            "CREATE OR REPLACE has no effect in a desired-schema file",
            "write plain CREATE: lockplane replaces the object when its definition changes",
        )
    ]


# ALTER TABLE actions that CREATE TABLE can express in place.
_FOLDABLE_ADD = frozenset(
    {"COLUMN", "CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN", "EXCLUDE"}
)
_FOLDABLE_ALTER_COLUMN = (("SET", "DEFAULT"), ("SET", "NOT"), ("TYPE",), ("SET", "DATA"), ("ADD",))


def _foldable(stmt: Statement, a: int, b: int, ctx: RuleContext, table_at: int) -> bool:
    toks = stmt.tokens[a:b]
    ups = [t.upper for t in toks]
    if ups[:1] == ["ADD"]:
        if "USING" in ups and "INDEX" in ups:  # ADD CONSTRAINT ... USING INDEX needs the index
            return False
        if any(ups[k : k + 2] == ["NOT", "VALID"] for k in range(len(ups))):
            return False  # NOT VALID is a migration technique that CREATE TABLE does not offer
        if "REFERENCES" in ups:  # a foreign key to a table created later cannot move up
            ref, _ = read_qualified(toks, ups.index("REFERENCES") + 1)
            if ref is not None and ctx.created_tables.get(ref, -1) > table_at:
                return False
        return len(ups) > 1 and (ups[1] in _FOLDABLE_ADD or toks[1].kind in ("word", "ident"))
    if ups[:1] == ["ALTER"]:
        rest = ups[3:] if ups[1:2] == ["COLUMN"] else ups[2:]
        return any(tuple(rest[: len(p)]) == p for p in _FOLDABLE_ALTER_COLUMN)
    return False


def alter_table_foldable(i: int, stmt: Statement, ctx: RuleContext) -> list[Diagnostic]:
    """ALTER TABLE ... ADD/ALTER COLUMN that the table's own CREATE TABLE could say directly.

    Not flagged: what CREATE TABLE cannot express (ENABLE ROW LEVEL SECURITY, OWNER TO, ...),
    ADD CONSTRAINT ... USING INDEX, and foreign keys to tables created later (cycles need them).
    """
    if stmt.kind != "alter_table":
        return []
    name, actions = _alter_actions(stmt)
    table_at = ctx.created_tables.get(name, -1) if name else -1
    if not 0 <= table_at < i:
        return []
    created = ctx.statements[table_at].origin
    label = ".".join(name) if name else ""
    found: list[Diagnostic] = []
    for a, b in actions:
        if _foldable(stmt, a, b, ctx, table_at):
            found.append(
                Diagnostic.at(
                    _tok_origin(stmt, a),
                    "warning",
                    "alter_table_foldable",
                    f"this can be declared in CREATE TABLE {label} ({created})",
                    "move the column, constraint or default into the CREATE TABLE statement, "
                    "so the table is declared in one place",
                )
            )
    return found


RULES: tuple[Rule, ...] = (
    drop_statement,
    alter_drop,
    truncate,
    dml,
    transaction_control,
    if_not_exists,
    create_or_replace,
    alter_table_foldable,
)


def created_table(stmt: Statement) -> QualifiedName | None:
    """The table a CREATE TABLE (not CREATE TABLE AS) statement creates, else None."""
    if stmt.kind != "create_table":
        return None
    toks = stmt.tokens
    k = skip_words(toks, create_object_index(toks) + 1, ("IF", "NOT", "EXISTS"))
    name, k = read_qualified(toks, k)
    depth = 0
    for t in toks[k:]:
        depth += (t.kind == "lparen") - (t.kind == "rparen")
        if depth == 0 and t.upper in ("AS", "EXECUTE"):
            return None
    return name


def created_tables(statements: Sequence[Statement]) -> dict[QualifiedName, int]:
    """Each table created by CREATE TABLE (not CREATE TABLE AS) -> index of that statement."""
    tables: dict[QualifiedName, int] = {}
    for i, stmt in enumerate(statements):
        name = created_table(stmt)
        if name is not None:
            tables.setdefault(name, i)
    return tables


# Rules that look at other statements (through RuleContext), with the one statement kind they
# act on: ``Checker`` keeps the tokens of those statements only, until ``finish``.
_WHOLE_SOURCE: dict[Rule, str] = {alter_table_foldable: "alter_table"}


class Checker:
    """Every rule on every statement, fed one statement at a time.

    ``add`` runs the rules that need only the statement itself and keeps the statement
    without its tokens (``text``, ``origin``, ``kind`` and ``hints`` stay), so the static pass
    of a big schema does not hold every token of every statement; ``finish`` runs the rules
    that need the whole source on the few statements they act on. The diagnostics are the same,
    in the same order, as ``check`` on the complete list gives.
    """

    def __init__(self) -> None:
        self.statements: list[Statement] = []  # tokens dropped
        self._created: dict[QualifiedName, int] = {}
        self._found: dict[int, list[tuple[int, Diagnostic]]] = {}  # index -> (rule, diagnostic)
        self._later: dict[int, Statement] = {}  # index -> statement with tokens, for finish

    def add(self, statement: Statement) -> None:
        i = len(self.statements)
        ctx = RuleContext(self.statements, self._created)
        found: list[tuple[int, Diagnostic]] = []
        for r, rule in enumerate(RULES):
            kind = _WHOLE_SOURCE.get(rule)
            if kind is None:
                found.extend((r, d) for d in rule(i, statement, ctx))
            elif statement.kind == kind:
                self._later[i] = statement
        if found:
            self._found[i] = found
        name = created_table(statement)
        if name is not None:
            self._created.setdefault(name, i)
        self.statements.append(dataclasses.replace(statement, tokens=()))

    def mark(self) -> int:
        return len(self.statements)

    def rollback(self, mark: int) -> None:
        """Forget the statements added since ``mark`` (a file being read again)."""
        del self.statements[mark:]
        self._created = {k: v for k, v in self._created.items() if v < mark}
        self._found = {k: v for k, v in self._found.items() if k < mark}
        self._later = {k: v for k, v in self._later.items() if k < mark}

    def finish(self) -> list[Diagnostic]:
        ctx = RuleContext(self.statements, self._created)
        found: list[Diagnostic] = []
        for i in sorted(self._found.keys() | self._later.keys()):
            mine = list(self._found.get(i, ()))
            statement = self._later.get(i)
            if statement is not None:
                for r, rule in enumerate(RULES):
                    if _WHOLE_SOURCE.get(rule) == statement.kind:
                        mine.extend((r, d) for d in rule(i, statement, ctx))
            mine.sort(key=lambda pair: pair[0])  # stable: each rule's own order kept
            found.extend(d for _, d in mine)
        return found


def check(statements: Sequence[Statement]) -> list[Diagnostic]:
    """Every rule on every statement, in statement order."""
    ctx = RuleContext(statements, created_tables(statements))
    found: list[Diagnostic] = []
    for i, stmt in enumerate(statements):
        for rule in RULES:
            found.extend(rule(i, stmt, ctx))
    return found
