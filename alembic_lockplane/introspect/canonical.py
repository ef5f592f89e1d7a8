"""Expression text in the one form PostgreSQL prints back unchanged.

``pg_get_constraintdef``, ``pg_get_indexdef``, ``pg_get_expr``, ``pg_get_viewdef`` and
``pg_get_triggerdef`` are not always fixed points: running the text they print and
printing again can give other text for the same meaning. Left alone, a plan that creates
such an object from the desired database's text leaves a database that introspects
differently, and every later plan proposes the same change again.

The one case handled: an ``IN`` list (or ``= ANY``) of literals on a column whose type
needs a cast, the classic ``varchar_column IN ('a', 'b')``. PostgreSQL prints the cast
on the whole array, ``(ARRAY['a'::character varying, 'b'::character varying])::text[]``,
and parsing that text casts each element instead:
``ARRAY[('a'::character varying)::text, ('b'::character varying)::text]``. The second
form is what PostgreSQL keeps printing from then on, so introspection rewrites the first
into it; both mean the same.

And a boolean list whose first operand is itself a list of the same operator,
``(((a) AND (b)) AND (c))``, as a ``BETWEEN`` (or a row comparison) next to another
condition prints: PostgreSQL's parser merges a leading ``AND`` into the one it starts, so
the text reads back as ``((a) AND (b) AND (c))``. Introspection merges it the same way.
"""

from __future__ import annotations

import re

_NAME = r'(?:"(?:[^"]|"")+"|[a-z_][a-z0-9_$]*)'
_TYPE = rf"(?:{_NAME}\.)?{_NAME}(?: [a-z_][a-z0-9_]*)*(?:\(\d+(?:,\s*\d+)?\))?"
_ELEMENT = rf"'(?:[^']|'')*'::{_TYPE}"
_CAST_ARRAY = re.compile(
    rf"\(ARRAY\[(?P<elements>{_ELEMENT}(?:, {_ELEMENT})*)\]\)::(?P<type>{_TYPE})\[\]"
)
_ONE_ELEMENT = re.compile(_ELEMENT)


def _per_element(match: re.Match[str]) -> str:
    target = match.group("type")
    elements = _ONE_ELEMENT.findall(match.group("elements"))
    return "ARRAY[" + ", ".join(f"({e})::{target}" for e in elements) + "]"


def canonical(text: str) -> str:
    """``text`` in the form PostgreSQL prints back unchanged (module docstring)."""
    if "(ARRAY[" in text:
        text = _CAST_ARRAY.sub(_per_element, text)
    if " AND " in text or " OR " in text:
        text = _merge_leading_lists(text)
    return text


# Tokens of a printed expression: quoted strings and identifiers are opaque.
_TOKEN = re.compile(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|[()]|[^'\"()]+")


class _Group(list["str | _Group"]):
    """The parts between one pair of parentheses."""


def _parse(text: str) -> _Group | None:
    root = _Group()
    stack = [root]
    for token in _TOKEN.findall(text):
        if token == "(":
            group = _Group()
            stack[-1].append(group)
            stack.append(group)
        elif token == ")":
            if len(stack) == 1:
                return None
            stack.pop()
        else:
            stack[-1].append(token)
    if len(stack) != 1 or "".join(map(_render, root)) != text:
        return None  # unbalanced, or the tokens did not cover the text: leave it alone
    return root


def _render(part: str | _Group) -> str:
    if isinstance(part, str):
        return part
    return "(" + "".join(map(_render, part)) + ")"


def _operator(group: _Group) -> str | None:
    """``AND`` or ``OR`` when the group's top level is a list of operands joined by it
    (PostgreSQL parenthesizes every boolean list, so the two never mix at one level)."""
    top = " ".join(p for p in group if isinstance(p, str) and p[0] not in "'\"")
    words = [w for w in (" AND ", " OR ") if w in top]
    return words[0] if len(words) == 1 else None


def _merge(group: _Group) -> None:
    for part in group:
        if isinstance(part, _Group):
            _merge(part)
    word = _operator(group)
    while (
        word is not None
        and len(group) >= 2
        and isinstance(group[0], _Group)
        and isinstance(group[1], str)
        and group[1].startswith(word)
        and _operator(group[0]) == word
    ):
        group[0:1] = list(group[0])


def _merge_leading_lists(text: str) -> str:
    root = _parse(text)
    if root is None:
        return text
    _merge(root)
    return "".join(map(_render, root))


def canonical_or_none(text: str | None) -> str | None:
    return None if text is None else canonical(text)
