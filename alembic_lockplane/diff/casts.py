"""When does ``ALTER COLUMN ... TYPE`` need a ``USING`` clause?

PostgreSQL converts the stored values with an *assignment* cast when no ``USING`` is
given, and refuses the change when none exists (``text`` -> ``integer``). Adding
``USING col::newtype`` everywhere would make every change work, but an explicit cast is
laxer than an assignment cast: ``varchar(10)`` -> ``varchar(5)`` silently truncates with
an explicit cast and fails loudly without one. So we add ``USING`` only when the two
types are not in one family that PostgreSQL converts by assignment.
"""

from __future__ import annotations

import re

_FAMILIES: tuple[frozenset[str], ...] = (
    frozenset({"smallint", "integer", "bigint", "numeric", "real", "double precision"}),
    frozenset({"text", "character varying", "character", "bpchar", "name", "citext"}),
    frozenset({"timestamp without time zone", "timestamp with time zone", "date"}),
    frozenset({"time without time zone", "time with time zone"}),
    frozenset({"bit", "bit varying"}),
    frozenset({"json"}),
    frozenset({"jsonb"}),
    frozenset({"interval"}),
    frozenset({"boolean"}),
    frozenset({"uuid"}),
    frozenset({"bytea"}),
    frozenset({"inet", "cidr"}),
)

_MODIFIERS = re.compile(r"\([^)]*\)")


def base_type(type_text: str) -> str:
    """The type name without modifiers: ``character varying(10)[]`` -> ``character varying[]``."""
    return " ".join(_MODIFIERS.sub("", type_text).split()).replace(" [", "[")


def needs_using(old_type: str, new_type: str) -> bool:
    """True when ``old_type`` -> ``new_type`` has no assignment cast we can rely on."""
    old, new = base_type(old_type), base_type(new_type)
    if old == new:
        return False
    old_array, new_array = old.endswith("[]"), new.endswith("[]")
    if old_array != new_array:
        return True
    old, new = old.removesuffix("[]"), new.removesuffix("[]")
    return not any(old in family and new in family for family in _FAMILIES)
