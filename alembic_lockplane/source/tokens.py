"""Tokenize a desired-schema file with sqlglot's PostgreSQL tokenizer, positions kept.

sqlglot's tokenizer already knows PostgreSQL's lexical rules that matter for splitting (dollar
quotes with tags, ``E''`` escapes, nested ``/* */`` comments, quoted identifiers). Two things it
does not do, handled here:

* psql meta-commands (``\\i file``, ``\\set x ...``): psql takes everything from an unquoted
  backslash to the end of the line as the command's arguments, which sqlglot would lex as SQL (an
  odd quote there would swallow the rest of the file). We find the earliest backslash, blank out
  its line (keeping offsets) and tokenize again, so every later token is lexed as psql would.
* Errors: sqlglot's ``TokenError`` carries no position. Then the hand-written lexer in
  ``lexer.py`` takes over for the whole file; it reports where the unterminated construct starts.

For "command" statements (``DO``, ``PREPARE``, ``CALL``, ``VACUUM``, ...), sqlglot finds the end
but keeps no inner tokens, so the hand lexer re-reads that one statement.

Only the token *boundaries* come from sqlglot; kinds are derived from the original text, so a
keyword is recognised by its spelling and a string or quoted identifier can never look like one.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from alembic_lockplane.source.lexer import LexResult, Tok, scan

if TYPE_CHECKING:
    from sqlglot import Token

_WORD = re.compile(r"[A-Za-z_\u0080-\U0010ffff][A-Za-z0-9_$\u0080-\U0010ffff]*")
_NON_SPACE = re.compile(r"\S+")
_LINE_END = re.compile(r"\r|\n")


class _Sqlglot:
    """sqlglot's PostgreSQL tokenizer and the token types we look at.

    Imported on first use: importing sqlglot takes about 0.1-0.2 s, which a warm run (desired
    schema from the cache, no static pass) need not pay.
    """

    def __init__(self) -> None:
        from sqlglot import TokenType
        from sqlglot.dialects.postgres import Postgres
        from sqlglot.errors import TokenError

        self.TokenType: Any = TokenType
        self.TokenError: type[Exception] = TokenError
        self.tokenizer: Any = Postgres().tokenizer_class()
        self.string_types = frozenset(
            {
                TokenType.STRING,
                TokenType.BYTE_STRING,
                TokenType.HEREDOC_STRING,
                TokenType.NATIONAL_STRING,
                TokenType.BIT_STRING,
                TokenType.HEX_STRING,
                TokenType.UNICODE_STRING,
                TokenType.RAW_STRING,
            }
        )
        self.punct = {
            TokenType.SEMICOLON: "semicolon",
            TokenType.L_PAREN: "lparen",
            TokenType.R_PAREN: "rparen",
            TokenType.COMMA: "comma",
            TokenType.DOT: "dot",
        }


@functools.cache
def _sqlglot() -> _Sqlglot:
    return _Sqlglot()


def tokenize(text: str) -> LexResult:
    """Tokens, meta-command spans and the first lexical error of one file's text."""
    sg = _sqlglot()
    metas: list[tuple[int, int]] = []
    masked = text
    while True:
        try:
            raw = sg.tokenizer.tokenize(masked)
        except sg.TokenError:
            return scan(text)
        backslash = next((t for t in raw if t.token_type == sg.TokenType.BACKSLASH), None)
        if backslash is None:
            break
        start = backslash.start
        m = _LINE_END.search(masked, start)
        end = m.start() if m else len(masked)
        metas.append((start, end))
        masked = masked[:start] + " " * (end - start) + masked[end:]
    toks = _to_toks(raw, text, masked, 0, sg, metas)
    return LexResult(_merge_unicode_identifiers(toks, text), tuple(sorted(metas)))


class WholeFile(Exception):
    """``stream_tokens`` met what only ``tokenize`` of the whole file handles (a psql
    meta-command, a lexical error): the caller starts that file again with ``tokenize``."""


CHUNK = 1 << 16  # characters tokenized at once by stream_tokens (a piece grows when needed)
_CUT = re.compile(r";[ \t]*\r?\n")


def _cut_after(text: str, pos: int) -> tuple[int, int]:
    """(offset just after the first line ending in ``;`` at or after ``pos``, that ``;``)."""
    m = _CUT.search(text, pos) if pos < len(text) else None
    return (m.end(), m.start()) if m else (len(text), -1)


def stream_tokens(text: str, chunk: int | None = None) -> Iterator[Tok]:
    """The tokens ``tokenize(text)`` gives, piece by piece, for a file without psql
    meta-commands or lexical errors (else ``WholeFile`` is raised, possibly after some tokens).

    sqlglot tokenizes a whole string into one list of its token objects, several hundred bytes
    each: for a 4 MB schema that list alone was hundreds of MB. Here the text is cut after a
    line ending in ``;`` about every ``chunk`` characters. A piece counts only if it tokenizes
    cleanly and its last token is that very semicolon: then nothing (string, comment, dollar
    quote) is open at the cut, and the piece's tokens are exactly the whole file's tokens of
    that range. Otherwise the piece grows (doubling) to the next cut.
    """
    sg = _sqlglot()
    semicolon = sg.TokenType.SEMICOLON
    n = len(text)
    start = 0
    while start < n:
        size = chunk or CHUNK
        while True:
            end, semi = _cut_after(text, start + size)
            piece = text[start:end]
            try:
                raw = sg.tokenizer.tokenize(piece)
            except sg.TokenError:
                raw = None
            if raw is not None and (
                end == n
                or (raw and raw[-1].token_type == semicolon and raw[-1].start == semi - start)
            ):
                break
            if end == n:
                raise WholeFile
            size *= 2
        if any(t.token_type == sg.TokenType.BACKSLASH for t in raw):
            raise WholeFile
        metas: list[tuple[int, int]] = []
        toks = _to_toks(raw, text, piece, start, sg, metas)
        if metas:
            raise WholeFile
        del raw
        yield from _merge_unicode_identifiers(toks, text)
        start = end


def _to_toks(
    raw: list[Token],
    text: str,
    piece: str,
    base: int,
    sg: _Sqlglot,
    metas: list[tuple[int, int]],
) -> list[Tok]:
    """Our tokens of sqlglot's tokens of ``piece`` (``text`` from ``base``, meta-commands
    blanked out), offsets in ``text``."""
    toks: list[Tok] = []
    tokenizer = sg.tokenizer
    k = 0
    while k < len(raw):
        t = raw[k]
        if t.token_type in tokenizer.COMMANDS and (
            k == 0 or raw[k - 1].token_type in tokenizer.COMMAND_PREFIX_TOKENS
        ):
            # sqlglot keeps only the last piece of a "command" statement (DO, PREPARE, CALL,
            # VACUUM, SHOW, ...): its boundaries are right, its inner tokens are not kept.
            j = k + 1
            while j < len(raw) and raw[j].token_type != sg.TokenType.SEMICOLON:
                j += 1
            end = raw[j].start if j < len(raw) else len(piece)
            inner = scan(piece[t.start : end])
            if inner.error is None:
                at = t.start + base
                toks.extend(Tok(x.kind, x.text, x.start + at, x.end + at) for x in inner.tokens)
                metas.extend((a + at, b + at) for a, b in inner.meta_commands)
                k = j
                continue
        toks.extend(_convert(t, text, sg, base))
        k += 1
    return toks


def _merge_unicode_identifiers(toks: list[Tok], text: str) -> tuple[Tok, ...]:
    """sqlglot reads ``U&"name"`` as ``U``, ``&``, ``"name"``; PostgreSQL as one identifier."""
    out: list[Tok] = []
    for tok in toks:
        if (
            tok.kind == "ident"
            and len(out) >= 2
            and out[-1].text == "&"
            and out[-2].text in ("U", "u")
            and out[-2].end == out[-1].start
            and out[-1].end == tok.start
        ):
            start = out[-2].start
            del out[-2:]
            out.append(Tok("ident", text[start : tok.end], start, tok.end))
        else:
            out.append(tok)
    return tuple(out)


def _convert(t: Token, text: str, sg: _Sqlglot, base: int = 0) -> list[Tok]:
    start, end = t.start + base, t.end + 1 + base
    raw = text[start:end]
    if t.token_type in sg.string_types:
        return [Tok("string", raw, start, end)]
    if t.token_type == sg.TokenType.IDENTIFIER:
        return [Tok("ident", raw, start, end)]
    if t.token_type in sg.punct:
        return [Tok(sg.punct[t.token_type], raw, start, end)]
    if _WORD.fullmatch(raw):
        return [Tok("word", raw, start, end)]
    if t.token_type == sg.TokenType.NUMBER:
        return [Tok("number", raw, start, end)]
    parts = list(_NON_SPACE.finditer(raw))
    if len(parts) > 1:  # sqlglot merges e.g. "PRIMARY KEY" or "DOUBLE PRECISION" into one token
        return [
            Tok(
                "word" if _WORD.fullmatch(p.group()) else "op",
                p.group(),
                start + p.start(),
                start + p.end(),
            )
            for p in parts
        ]
    return [Tok("op", raw, start, end)]
