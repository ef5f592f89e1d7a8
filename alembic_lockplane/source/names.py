"""Reading (possibly qualified) object names out of a token list, PostgreSQL's way.

Unquoted names fold to lower case; quoted names keep their case, with ``""`` meaning one quote.
An unqualified name is taken to be in ``public`` (the default ``search_path``): good enough for
the *warnings* that use it, never for deciding what a statement does.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic_lockplane.source.lexer import Tok

QualifiedName = tuple[str, str]


def name_part(tok: Tok) -> str | None:
    """The identifier a word or quoted-identifier token denotes, else None."""
    if tok.kind == "word":
        return tok.text.lower()
    if tok.kind == "ident" and tok.text.startswith('"'):
        return tok.text[1:-1].replace('""', '"')
    return None


def read_qualified(tokens: Sequence[Tok], i: int) -> tuple[QualifiedName | None, int]:
    """The name starting at ``tokens[i]`` and the index just after it."""
    parts: list[str] = []
    while i < len(tokens):
        part = name_part(tokens[i])
        if part is None:
            break
        parts.append(part)
        i += 1
        if i < len(tokens) and tokens[i].kind == "dot":
            i += 1
            continue
        break
    if not parts:
        return None, i
    if len(parts) == 1:
        return ("public", parts[0]), i
    return (parts[-2], parts[-1]), i


def skip_words(tokens: Sequence[Tok], i: int, *sequences: tuple[str, ...]) -> int:
    """Skip any of the given keyword sequences (each at most once, in order given) from ``i``."""
    for seq in sequences:
        if [t.upper for t in tokens[i : i + len(seq)]] == list(seq):
            i += len(seq)
    return i


def split_top_level(tokens: Sequence[Tok], start: int) -> list[tuple[int, int]]:
    """(start, end) index ranges of comma-separated items at parenthesis depth 0."""
    items: list[tuple[int, int]] = []
    depth = 0
    begin = start
    for k in range(start, len(tokens)):
        kind = tokens[k].kind
        if kind == "lparen":
            depth += 1
        elif kind == "rparen":
            depth -= 1
        elif kind == "comma" and depth == 0:
            items.append((begin, k))
            begin = k + 1
    if begin < len(tokens):
        items.append((begin, len(tokens)))
    return items
