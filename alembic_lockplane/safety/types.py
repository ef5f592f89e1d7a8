"""What ``ALTER COLUMN ... TYPE old -> new`` does to the stored rows.

Three independent facts, all checked against PostgreSQL 15 and 18 by
``tests/integration/test_safety_rewrite.py`` (``pg_class.relfilenode`` changes on a rewrite):

* ``rewrite``: the table (and every index on it) is rewritten under ACCESS EXCLUSIVE. PostgreSQL
  skips the rewrite only when the old values are valid in the new type bit for bit:
  ``varchar(n)`` -> ``varchar(m >= n)`` / ``varchar`` / ``text``; ``text`` -> ``varchar``;
  ``numeric(p,s)`` -> ``numeric(p2 >= p, s)`` / ``numeric``; a larger or dropped precision of
  ``timestamp``, ``timestamptz``, ``time``, ``timetz`` or ``interval``; ``varbit(n)`` ->
  ``varbit(m >= n)``; ``cidr`` -> ``inet``; ``xml`` -> ``text`` (all since 9.2).
  ``timestamp`` <-> ``timestamptz`` also skips it when the session ``TimeZone`` is UTC (12+),
  but still rebuilds the column's indexes; we cannot know the session's time zone, so we say
  it rewrites. Arrays are always rewritten, even ``varchar(10)[]`` -> ``varchar(20)[]``.
  ``int`` -> ``bigint`` rewrites.
* ``narrowing``: some value of the old type may not fit the new one, so the change can fail
  on existing rows or silently round/truncate them. Pairs we do not know are narrowing: we
  only call a change safe for data when we can say why.
* ``widening``: every old value fits and the new type accepts more, so the *rollback* narrows
  (rows written after the change may not survive it): the ``lossy`` level.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TYPE = re.compile(
    r"^(?P<pre>[^()\[\]]*?)\s*(?:\((?P<mods>[\d,\s]*)\))?\s*(?P<post>[^()\[\]]*?)\s*(?P<arr>(?:\[\])*)$"
)

#: a separate name: values of these types are always text, and every type has a text form
_TEXT = frozenset({"text", "character varying"})
#: integer types: (decimal digits every value of that many digits fits, most digits a value has)
_INTEGER_DIGITS = {"smallint": (4, 5), "integer": (9, 10), "bigint": (18, 19)}
#: integers a float type holds exactly (mantissa bits): smallint fits real, integer fits double
_FLOAT_EXACT_DIGITS = {"real": 6, "double precision": 15}
_PRECISION_TYPES = frozenset(
    {
        "timestamp without time zone",
        "timestamp with time zone",
        "time without time zone",
        "time with time zone",
        "interval",
    }
)
_MAX_TIME_PRECISION = 6
_TIMESTAMPS = frozenset({"timestamp without time zone", "timestamp with time zone"})


@dataclass(frozen=True)
class SqlType:
    """A type as ``format_type`` prints it, split into name, modifiers and array depth."""

    name: str
    mods: tuple[int, ...] = ()
    array: int = 0


@dataclass(frozen=True)
class TypeChange:
    rewrite: bool
    narrowing: bool
    widening: bool
    reason: str


def parse_type(text: str) -> SqlType:
    match = _TYPE.match(" ".join(text.split()))
    if match is None:  # quoted names with brackets or parentheses: keep the text whole
        return SqlType(text)
    name = " ".join(f"{match['pre']} {match['post']}".split())
    mods = tuple(int(m) for m in (match["mods"] or "").split(",") if m.strip())
    return SqlType(name, mods, match["arr"].count("[]"))


def classify(old_text: str, new_text: str) -> TypeChange:
    """The facts about converting a column from ``old_text`` to ``new_text``."""
    old, new = parse_type(old_text), parse_type(new_text)
    if old.array != new.array:
        return TypeChange(True, True, False, "an array and a non-array type do not convert")
    change = _scalar(SqlType(old.name, old.mods), SqlType(new.name, new.mods))
    if old.array and not change.rewrite:
        # Array elements are converted one by one (array_coerce), which always rewrites.
        return TypeChange(True, change.narrowing, change.widening, change.reason)
    return change


def _scalar(old: SqlType, new: SqlType) -> TypeChange:
    if old.name == new.name:
        return _same_name(old, new)
    if old.name in _TEXT and new.name in _TEXT:
        if new.name == "character varying" and new.mods:
            return _limit(old.mods, new.mods, "a shorter length limit")
        widening = bool(old.mods)
        return TypeChange(False, False, widening, "text and varchar share one representation")
    if (old.name, new.name) in {("cidr", "inet"), ("xml", "text")}:
        return TypeChange(False, False, True, f"{old.name} values are valid {new.name} values")
    if {old.name, new.name} == _TIMESTAMPS:
        return TypeChange(
            True,
            False,
            False,
            "existing values are reinterpreted in the session's TimeZone",
        )
    numeric = _numeric(old, new)
    if numeric is not None:
        return numeric
    if (old.name, new.name) in {
        ("date", "timestamp without time zone"),
        ("date", "timestamp with time zone"),
    }:
        return TypeChange(True, False, True, "every date is a valid timestamp")
    if new.name in _TEXT and not new.mods:
        return TypeChange(True, False, True, f"every {old.name} value has a text form")
    if (old.name, new.name) == ("json", "jsonb"):
        return TypeChange(
            True, False, True, "jsonb does not keep key order, duplicate keys or spacing"
        )
    if (old.name, new.name) == ("jsonb", "json"):
        return TypeChange(True, False, False, "every jsonb value is valid json")
    return TypeChange(
        True, True, False, f"{old.name} values may not all convert to {new.name} unchanged"
    )


def _same_name(old: SqlType, new: SqlType) -> TypeChange:
    if old.mods == new.mods:
        return TypeChange(False, False, False, "same type")
    if old.name in {"character varying", "bit varying"}:
        return _limit(old.mods, new.mods, "a shorter length limit")
    if old.name == "numeric":
        return _numeric_mods(old.mods, new.mods)
    if old.name in _PRECISION_TYPES:
        # No precision means the maximum, 6; only a lower one rounds (and rewrites).
        old_p = old.mods[0] if old.mods else _MAX_TIME_PRECISION
        new_p = new.mods[0] if new.mods else _MAX_TIME_PRECISION
        narrower = new_p < old_p
        return TypeChange(narrower, narrower, new_p > old_p, "fractional seconds precision")
    if old.name == "character":
        # bpchar pads to the declared length, so every length change rewrites.
        old_n, new_n = (old.mods or (1,))[0], (new.mods or (1,))[0]
        return TypeChange(True, new_n < old_n, new_n > old_n, "character(n) is blank-padded")
    return TypeChange(True, True, False, f"{old.name} with other modifiers")


def _limit(old_mods: tuple[int, ...], new_mods: tuple[int, ...], what: str) -> TypeChange:
    """A length limit: none (unlimited) or ``(n)``. Raising or dropping it is free."""
    old_n = old_mods[0] if old_mods else None
    new_n = new_mods[0] if new_mods else None
    if new_n is None or (old_n is not None and new_n >= old_n):
        return TypeChange(False, False, new_n != old_n, "a longer or no length limit")
    return TypeChange(True, True, False, what)


def _numeric_mods(old: tuple[int, ...], new: tuple[int, ...]) -> TypeChange:
    if not new:
        return TypeChange(False, False, True, "unconstrained numeric holds every value")
    if not old:
        return TypeChange(True, True, False, "a precision limit on unconstrained numeric")
    old_p, old_s = old[0], (old[1] if len(old) > 1 else 0)
    new_p, new_s = new[0], (new[1] if len(new) > 1 else 0)
    if new_s == old_s and new_p >= old_p:
        return TypeChange(False, False, True, "a larger precision at the same scale")
    fits = new_s >= old_s and new_p - new_s >= old_p - old_s
    if fits:
        return TypeChange(True, False, True, "more digits; the scale change rewrites")
    return TypeChange(True, True, False, "fewer integer or fractional digits")


def _numeric(old: SqlType, new: SqlType) -> TypeChange | None:
    """Conversions among the number types, or ``None`` when one side is not a number."""
    old_digits = _exact_digits(old)
    new_digits = _exact_digits(new)
    old_float = old.name in _FLOAT_EXACT_DIGITS
    new_float = new.name in _FLOAT_EXACT_DIGITS
    if (old_digits is None and not old_float) or (new_digits is None and not new_float):
        return None
    if old_float and new_float:
        wider = old.name == "real"
        return TypeChange(True, not wider, wider, "floating point precision")
    if old_float:
        return TypeChange(True, True, False, "floating point values are rounded or overflow")
    assert old_digits is not None
    _, integer_digits, scale = old_digits
    if new_float:
        fits = scale == 0 and integer_digits <= _FLOAT_EXACT_DIGITS[new.name]
    else:
        assert new_digits is not None
        new_integer_digits, _, new_scale = new_digits
        fits = new_integer_digits >= integer_digits and new_scale >= scale
    if fits:
        return TypeChange(True, False, True, f"every {old.name} value fits in {new.name}")
    reason = f"{old.name} values may overflow or be rounded in {new.name}"
    return TypeChange(True, True, False, reason)


def _exact_digits(t: SqlType) -> tuple[int, int, int] | None:
    """(integer digits it always holds, most integer digits a value has, fractional digits)."""
    if t.name in _INTEGER_DIGITS:
        held, most = _INTEGER_DIGITS[t.name]
        return held, most, 0
    if t.name == "numeric":
        if not t.mods:
            return 1000, 1000, 1000  # unconstrained: any value up to the implementation limit
        scale = t.mods[1] if len(t.mods) > 1 else 0
        return t.mods[0] - scale, t.mods[0] - scale, scale
    return None
