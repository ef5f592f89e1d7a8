"""Split one file's text into statements, each with its exact text and position.

A statement's ``text`` is the original source from its first token to its last (no trailing
semicolon, no leading comments): that is what the shadow loader sends to PostgreSQL, so an error
position reported by PostgreSQL (1-based, in characters) maps back through ``origin_at``.

Statements end at a semicolon, as in psql, except inside ``BEGIN ATOMIC ... END`` of a
SQL-standard function body (PostgreSQL 14+) and inside the parentheses of ``CREATE RULE ... DO
(...; ...)``, where psql does not split either.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from alembic_lockplane.model.objects import Origin
from alembic_lockplane.source.classify import statement_kind
from alembic_lockplane.source.diagnostics import Diagnostic
from alembic_lockplane.source.lexer import Tok
from alembic_lockplane.source.positions import LineIndex
from alembic_lockplane.source.rules import psql_meta_command
from alembic_lockplane.source.statement import RenameHint, Statement
from alembic_lockplane.source.tokens import WholeFile, stream_tokens, tokenize

_DIRECTIVE = re.compile(r"--\s*lockplane\s*:\s*(?P<body>.*?)\s*$", re.IGNORECASE)
_RENAMED = re.compile(r"renamed\s+from\s+(?P<old>\S.*)$", re.IGNORECASE)
_LINE_END = re.compile(r"\r|\n")


@dataclass(frozen=True)
class SplitFile:
    statements: tuple[Statement, ...]
    diagnostics: tuple[Diagnostic, ...]


class StatementSink(Protocol):
    """Where ``split_into`` hands each statement as soon as it is complete."""

    def add(self, statement: Statement) -> None: ...

    def mark(self) -> int: ...

    def rollback(self, mark: int) -> None: ...


class _Collect:
    def __init__(self) -> None:
        self.statements: list[Statement] = []

    def add(self, statement: Statement) -> None:
        self.statements.append(statement)

    def mark(self) -> int:
        return len(self.statements)

    def rollback(self, mark: int) -> None:
        del self.statements[mark:]


def split_text(text: str, file: str) -> SplitFile:
    """Statements and lexical diagnostics (meta-commands, unterminated literals) of one file."""
    sink = _Collect()
    diags = split_into(text, file, sink)
    return SplitFile(tuple(sink.statements), tuple(diags))


def split_into(text: str, file: str, sink: StatementSink) -> list[Diagnostic]:
    """``split_text`` handing each statement to ``sink`` as it is complete.

    A file is read piece by piece (``stream_tokens``), so only the current piece's tokens and
    the current statement exist at once and the sink may drop a statement's tokens once it has
    looked at them. A file with psql meta-commands or a lexical error is read again as a whole
    (``tokenize``), after ``sink.rollback`` takes back what the first attempt handed over.
    """
    index = LineIndex(text)

    def origin(offset: int) -> Origin:
        line, column = index.line_col(offset)
        return Origin(file, line, column)

    mark = sink.mark()
    try:
        return _split_stream(text, stream_tokens(text), origin, sink.add)
    except WholeFile:
        sink.rollback(mark)
    return _split_whole(text, origin, sink.add)


def _split_stream(
    text: str,
    tokens: Iterable[Tok],
    origin: Callable[[int], Origin],
    add: Callable[[Statement], None],
) -> list[Diagnostic]:
    """One pass over the tokens: grouping (as ``_group``) and hints (as ``_attach_hints``)."""
    diags: list[Diagnostic] = []
    current: list[Tok] = []
    hints: list[RenameHint] = []
    begin_depth = paren_depth = 0
    routine = rule = False
    gap_start = 0

    def gap_hints(end: int, owner: Tok | None, first: bool) -> None:
        for offset, comment in _line_comments(text, gap_start, end):
            directive = _DIRECTIVE.match(comment)
            if directive is None:
                continue
            where = origin(offset)
            renamed = _RENAMED.match(directive.group("body"))
            if renamed is None:
                diags.append(_directive_warning(where, "unknown_directive", comment))
            elif owner is None:
                diags.append(_directive_warning(where, "dangling_directive", comment))
            else:
                target = None if first else owner.text
                hints.append(
                    RenameHint(renamed.group("old").strip(), comment.strip(), where, target)
                )

    for tok in tokens:
        ends = tok.kind == "semicolon" and begin_depth == 0 and paren_depth == 0
        gap_hints(tok.start, None if ends else tok, not current)
        gap_start = tok.end
        if ends:
            if current:
                add(_statement(text, current, origin, tuple(hints)))
            current, hints = [], []
            continue
        current.append(tok)
        if len(current) <= 4:
            lead = [t.upper for t in current]
            obj = lead[3:4] if lead[1:3] == ["OR", "REPLACE"] else lead[1:2]
            routine = lead[0] == "CREATE" and obj in (["FUNCTION"], ["PROCEDURE"])
            rule = lead[0] == "CREATE" and obj == ["RULE"]
        if routine and tok.kind == "word":
            word = tok.upper
            if word == "BEGIN" or (begin_depth and word == "CASE"):
                begin_depth += 1
            elif begin_depth and word == "END":
                begin_depth -= 1
        elif rule:
            paren_depth = max(paren_depth + (tok.kind == "lparen") - (tok.kind == "rparen"), 0)
    gap_hints(len(text), None, False)
    if current:
        add(_statement(text, current, origin, tuple(hints)))
    return diags


def _split_whole(
    text: str, origin: Callable[[int], Origin], add: Callable[[Statement], None]
) -> list[Diagnostic]:
    lexed = tokenize(text)
    diags: list[Diagnostic] = []
    for start, end in lexed.meta_commands:
        diags.append(psql_meta_command(origin(start), text[start:end].split(None, 1)[0]))
    groups = _group(lexed.tokens)
    if lexed.error is not None:
        offset, what = lexed.error
        diags.append(
            Diagnostic.at(
                origin(offset),
                "error",
                "unterminated",
                f"{what}: it runs to the end of the file",
                "close it; everything after this point was not read",
            )
        )
        if groups and lexed.tokens[-1].kind != "semicolon":
            groups.pop()  # the statement the unterminated literal belongs to is incomplete
    limit = lexed.error[0] if lexed.error else len(text)
    statements = [_statement(text, g, origin) for g in groups]
    statements, hint_diags = _attach_hints(text, lexed.tokens, limit, statements, groups, origin)
    diags.extend(hint_diags)
    diags.sort(key=lambda d: (d.line, d.column))
    for statement in statements:
        add(statement)
    return diags


def _group(tokens: Sequence[Tok]) -> list[list[Tok]]:
    """Tokens per statement, split at top-level semicolons; empty statements dropped."""
    groups: list[list[Tok]] = []
    current: list[Tok] = []
    begin_depth = 0
    paren_depth = 0
    routine = rule = False  # CREATE [OR REPLACE] FUNCTION/PROCEDURE, CREATE [OR REPLACE] RULE
    for tok in tokens:
        if tok.kind == "semicolon" and begin_depth == 0 and paren_depth == 0:
            if current:
                groups.append(current)
            current = []
            continue
        current.append(tok)
        if len(current) <= 4:
            lead = [t.upper for t in current]
            obj = lead[3:4] if lead[1:3] == ["OR", "REPLACE"] else lead[1:2]
            routine = lead[0] == "CREATE" and obj in (["FUNCTION"], ["PROCEDURE"])
            rule = lead[0] == "CREATE" and obj == ["RULE"]
        if routine and tok.kind == "word":
            word = tok.upper
            if word == "BEGIN" or (begin_depth and word == "CASE"):
                begin_depth += 1
            elif begin_depth and word == "END":
                begin_depth -= 1
        elif rule:
            paren_depth = max(paren_depth + (tok.kind == "lparen") - (tok.kind == "rparen"), 0)
    if current:
        groups.append(current)
    return groups


def _statement(
    text: str,
    group: Sequence[Tok],
    origin: Callable[[int], Origin],
    hints: tuple[RenameHint, ...] = (),
) -> Statement:
    start, end = group[0].start, group[-1].end
    tokens = tuple(Tok(t.kind, t.text, t.start - start, t.end - start) for t in group)
    return Statement(text[start:end], origin(start), statement_kind(tokens), hints, tokens)


def _line_comments(text: str, start: int, end: int) -> list[tuple[int, str]]:
    """``--`` comments in a gap between tokens (block comments and meta-commands skipped)."""
    found: list[tuple[int, str]] = []
    i = start
    while i < end:
        if text.startswith("--", i) or text[i] == "\\":
            m = _LINE_END.search(text, i, end)
            stop = m.start() if m else end
            if text[i] == "-":
                found.append((i, text[i:stop]))
            i = stop
        elif text.startswith("/*", i):
            depth, i = 1, i + 2
            while i < end and depth:
                if text.startswith("/*", i):
                    depth, i = depth + 1, i + 2
                elif text.startswith("*/", i):
                    depth, i = depth - 1, i + 2
                else:
                    i += 1
        else:
            i += 1
    return found


def _attach_hints(
    text: str,
    tokens: Sequence[Tok],
    limit: int,
    statements: list[Statement],
    groups: Sequence[Sequence[Tok]],
    origin: Callable[[int], Origin],
) -> tuple[list[Statement], list[Diagnostic]]:
    """Find ``-- lockplane:`` comments and record rename hints on the statement they precede."""
    owner: dict[int, tuple[int, bool]] = {}  # token start -> (statement index, is first token)
    for g, group in enumerate(groups):
        for k, tok in enumerate(group):
            owner[tok.start] = (g, k == 0)
    texts = {t.start: t.text for t in tokens}
    gaps = zip([0] + [t.end for t in tokens], [t.start for t in tokens] + [len(text)], strict=True)
    hints: dict[int, list[RenameHint]] = {}
    diags: list[Diagnostic] = []
    for gap_start, gap_end in gaps:
        for offset, comment in _line_comments(text, gap_start, min(gap_end, limit)):
            directive = _DIRECTIVE.match(comment)
            if directive is None:
                continue
            where = origin(offset)
            renamed = _RENAMED.match(directive.group("body"))
            if renamed is None:
                diags.append(_directive_warning(where, "unknown_directive", comment))
                continue
            if gap_end not in owner:
                diags.append(_directive_warning(where, "dangling_directive", comment))
                continue
            g, first = owner[gap_end]
            target = None if first else texts[gap_end]
            hints.setdefault(g, []).append(
                RenameHint(renamed.group("old").strip(), comment.strip(), where, target)
            )
    out = [
        Statement(s.text, s.origin, s.kind, tuple(hints.get(i, ())), s.tokens)
        for i, s in enumerate(statements)
    ]
    return out, diags


def _directive_warning(where: Origin, code: str, comment: str) -> Diagnostic:
    if code == "unknown_directive":
        message = f"unknown lockplane directive: {comment.strip()}"
        hint = "the only directive is '-- lockplane: renamed from <old name>'"
    else:
        message = "this rename hint precedes no statement or column"
        hint = "put it on the line just before the renamed table or column"
    return Diagnostic.at(where, "warning", code, message, hint)
