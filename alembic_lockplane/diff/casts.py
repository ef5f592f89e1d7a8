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


_TEXTS = _FAMILIES[1]


def _user_defined(type_text: str) -> bool:
    """Introspection prints user types schema-qualified; built-in ones never carry a dot."""
    return "." in type_text


def using_cast(column: str, old_type: str, new_type: str) -> str:
    """The ``USING`` expression for ``column`` going from ``old_type`` to ``new_type``.

    ``column::new_type``, except between a user type (an enum, a domain) and a type that
    is not text: PostgreSQL has no cast from one enum to another or from ``integer`` to an
    enum, but every type converts to and from ``text`` by its input/output functions, so
    the value goes through ``text`` (``text[]`` for arrays).
    """
    old, new = base_type(old_type), base_type(new_type)
    array = "[]" if old.endswith("[]") and new.endswith("[]") else ""
    plain_old, plain_new = old.removesuffix("[]"), new.removesuffix("[]")
    if (_user_defined(old_type) or _user_defined(new_type)) and not (
        plain_old in _TEXTS or plain_new in _TEXTS
    ):
        return f"{column}::text{array}::{new_type}"
    return f"{column}::{new_type}"
