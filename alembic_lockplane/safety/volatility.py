"""Is a column default volatile? It decides whether ``ADD COLUMN ... DEFAULT`` rewrites.

Since PostgreSQL 11 a new column with a non-volatile default is added without touching the
rows (the value is stored once in ``pg_attribute.attmissingval``). A volatile default must be
evaluated per row, so the table is rewritten under ACCESS EXCLUSIVE. ``now()`` and
``CURRENT_TIMESTAMP`` are *stable* (one value per transaction): no rewrite.

Defaults come from ``pg_get_expr`` with an empty ``search_path``, so built-in functions
appear unqualified and every user or extension function appears schema-qualified
(``public.uuid_generate_v4()``). Built-ins are judged by the list below (checked against
``pg_proc.provolatile`` on PostgreSQL 15 and 18 by the integration tests); a qualified call is
assumed volatile because ``CREATE FUNCTION`` makes functions VOLATILE unless told otherwise
and the model does not record function volatility.
"""

from __future__ import annotations

import re

#: built-in functions with ``provolatile = 'v'`` that appear in column defaults
VOLATILE_BUILTINS = frozenset(
    {
        "random",
        "random_normal",  # PostgreSQL 16+
        "clock_timestamp",
        "timeofday",
        "gen_random_uuid",
        "uuidv4",  # PostgreSQL 18+
        "uuidv7",  # PostgreSQL 18+
        "nextval",
        "setval",
        "setseed",
    }
)

_LITERAL = re.compile(r"'(?:[^']|'')*'")
_IDENT = r'(?:"(?:[^"]|"")*"|[A-Za-z_][\w$]*)'
_CALL = re.compile(rf'(?<![\w.$"])({_IDENT}(?:\s*\.\s*{_IDENT})?)\s*\(')


def volatile_calls(expression: str) -> list[str]:
    """The calls in ``expression`` that make it volatile (empty when it is not)."""
    text = _LITERAL.sub("''", expression)
    found = []
    for match in _CALL.finditer(text):
        name = re.sub(r"\s*\.\s*", ".", match.group(1))
        preceding = text[: match.start()].rstrip()
        if preceding.endswith("::"):
            continue  # a cast to a type with modifiers, e.g. ::character varying(10)
        if "." in name or name.lower() in VOLATILE_BUILTINS:
            found.append(name)
    return found
