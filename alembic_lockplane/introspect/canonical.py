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
    """``text`` with casts of literal arrays pushed into the elements (module docstring)."""
    if "(ARRAY[" not in text:
        return text
    return _CAST_ARRAY.sub(_per_element, text)


def canonical_or_none(text: str | None) -> str | None:
    return None if text is None else canonical(text)
