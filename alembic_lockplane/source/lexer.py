"""A small hand-written PostgreSQL lexer, used only when sqlglot's tokenizer gives up.

sqlglot's tokenizer (see ``tokens.py``) does the splitting normally, but it raises a bare
``TokenError`` with no position, e.g. for an unterminated string or comment. This lexer knows just
enough of PostgreSQL's lexical rules (as of PostgreSQL 13-18, ``standard_conforming_strings = on``)
to split statements and to say *where* a string, quoted identifier, dollar quote or comment starts
that never ends. It does not interpret tokens beyond what classification needs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Identifier characters as in PostgreSQL's scan.l: letters, digits, '_', '$' and any non-ASCII.
_WORD = re.compile(r"[A-Za-z_\u0080-\U0010ffff][A-Za-z0-9_$\u0080-\U0010ffff]*")
_NUMBER = re.compile(r"(?:\d[\d_]*(?:\.[\d_]*)?|\.\d[\d_]*)(?:[eE][+-]?\d+)?")
_DOLLAR_TAG = re.compile(r"\$(?:[A-Za-z_\u0080-\U0010ffff][A-Za-z0-9_\u0080-\U0010ffff]*)?\$")
_PARAM = re.compile(r"\$\d+")
_SINGLE = {";": "semicolon", "(": "lparen", ")": "rparen", ",": "comma", ".": "dot"}


@dataclass(frozen=True)
class Tok:
    """One token. ``start``/``end`` are 0-based character offsets, end exclusive.

    ``kind`` is one of: word (unquoted name or keyword), ident (quoted identifier), string (any
    quoted or dollar-quoted literal), number, semicolon, lparen, rparen, comma, dot, op.
    """

    kind: str
    text: str
    start: int
    end: int

    @property
    def upper(self) -> str:
        """The keyword spelling of a word; empty for every other kind (so strings never match)."""
        return self.text.upper() if self.kind == "word" else ""


@dataclass(frozen=True)
class LexResult:
    """Tokens in order, psql meta-command spans, and the first lexical error (if any)."""

    tokens: tuple[Tok, ...]
    meta_commands: tuple[tuple[int, int], ...]
    error: tuple[int, str] | None = None


def _quoted_end(text: str, pos: int, quote: str, backslash_escapes: bool) -> int:
    """Offset just past the closing ``quote`` of a literal whose opening quote is at ``pos``."""
    i = pos + 1
    n = len(text)
    while i < n:
        c = text[i]
        if backslash_escapes and c == "\\":
            i += 2
            continue
        if c == quote:
            if i + 1 < n and text[i + 1] == quote:  # doubled quote = one quote character
                i += 2
                continue
            return i + 1
        i += 1
    return -1


def _block_comment_end(text: str, pos: int) -> int:
    """Offset just past a /* ... */ comment starting at ``pos``; PostgreSQL nests them."""
    depth = 0
    i = pos
    n = len(text)
    while i < n:
        if text.startswith("/*", i):
            depth += 1
            i += 2
        elif text.startswith("*/", i):
            depth -= 1
            i += 2
            if depth == 0:
                return i
        else:
            i += 1
    return -1


def _line_end(text: str, pos: int) -> int:
    m = re.compile(r"\r|\n").search(text, pos)
    return m.start() if m else len(text)


def scan(text: str) -> LexResult:
    """Tokenize ``text``; stops at the first unterminated construct and reports its offset."""
    toks: list[Tok] = []
    metas: list[tuple[int, int]] = []
    i = 0
    n = len(text)

    def unterminated(what: str) -> LexResult:
        return LexResult(tuple(toks), tuple(metas), (i, f"unterminated {what}"))

    while i < n:
        c = text[i]
        if c in " \t\n\r\f\v":
            i += 1
        elif text.startswith("--", i):
            i = _line_end(text, i)
        elif text.startswith("/*", i):
            end = _block_comment_end(text, i)
            if end < 0:
                return unterminated("/* comment")
            i = end
        elif c == "\\":
            end = _line_end(text, i)
            metas.append((i, end))
            i = end
        elif c == "'":
            end = _quoted_end(text, i, "'", backslash_escapes=False)
            if end < 0:
                return unterminated("quoted string")
            toks.append(Tok("string", text[i:end], i, end))
            i = end
        elif c == '"':
            end = _quoted_end(text, i, '"', backslash_escapes=False)
            if end < 0:
                return unterminated("quoted identifier")
            toks.append(Tok("ident", text[i:end], i, end))
            i = end
        elif c == "$" and (m := _PARAM.match(text, i)):
            toks.append(Tok("op", m.group(), i, m.end()))
            i = m.end()
        elif c == "$" and (m := _DOLLAR_TAG.match(text, i)):
            close = text.find(m.group(), m.end())
            if close < 0:
                return unterminated(f"dollar-quoted string (opened by {m.group()})")
            end = close + len(m.group())
            toks.append(Tok("string", text[i:end], i, end))
            i = end
        elif m := _WORD.match(text, i):
            word = m.group()
            prefix_end = m.end()
            if word.upper() in ("E", "B", "X", "N") and text.startswith("'", prefix_end):
                end = _quoted_end(text, prefix_end, "'", backslash_escapes=word.upper() == "E")
                if end < 0:
                    return unterminated("quoted string")
                toks.append(Tok("string", text[i:end], i, end))
                i = end
            elif word.upper() == "U" and text.startswith(("&'", '&"'), prefix_end):
                quote = text[prefix_end + 1]
                end = _quoted_end(text, prefix_end + 1, quote, backslash_escapes=False)
                if end < 0:
                    return unterminated("quoted string" if quote == "'" else "quoted identifier")
                toks.append(Tok("string" if quote == "'" else "ident", text[i:end], i, end))
                i = end
            else:
                toks.append(Tok("word", word, i, prefix_end))
                i = prefix_end
        elif m := _NUMBER.match(text, i):
            toks.append(Tok("number", m.group(), i, m.end()))
            i = m.end()
        else:
            toks.append(Tok(_SINGLE.get(c, "op"), c, i, i + 1))
            i += 1
    return LexResult(tuple(toks), tuple(metas))
