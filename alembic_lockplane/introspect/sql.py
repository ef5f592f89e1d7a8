"""Load catalog queries from ``queries/*.sql`` and fill their two kinds of marker.

Keeping the SQL in files lets a reviewer read it as SQL. Two markers exist, both resolved
before the text reaches the server:

- ``{{_name}}`` includes ``queries/_name.sql`` (shared CTEs such as the scope filter);
- ``{{if flag then A else B}}`` picks ``A`` or ``B`` by a ``Capabilities`` flag, for catalog
  columns that only some PostgreSQL majors have.

Anything else between double braces is an error, so a typo cannot reach the server.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

_INCLUDE = re.compile(r"\{\{(_\w+)\}\}")
_CHOICE = re.compile(r"\{\{if (\w+) then (.*?) else (.*?)\}\}", re.DOTALL)
_ANY_MARKER = re.compile(r"\{\{.*?\}\}", re.DOTALL)


@cache
def raw(name: str) -> str:
    """The text of ``queries/<name>.sql`` as shipped in the package."""
    return (resources.files(__package__) / "queries" / f"{name}.sql").read_text("utf-8")


def render(name: str, flags: dict[str, bool]) -> str:
    """The query ``name`` with includes expanded and capability choices made."""
    text = _INCLUDE.sub(lambda m: raw(m.group(1)).strip(), raw(name))

    def choose(match: re.Match[str]) -> str:
        flag = match.group(1)
        if flag not in flags:
            raise KeyError(f"query {name}.sql uses unknown capability {flag!r}")
        return match.group(2) if flags[flag] else match.group(3)

    text = _CHOICE.sub(choose, text)
    leftover = _ANY_MARKER.search(text)
    if leftover:
        raise ValueError(f"query {name}.sql has an unknown marker {leftover.group(0)!r}")
    return text
