"""Parsing ``format_type`` spellings; the conversions themselves are checked on a real server
in tests/integration/test_safety_rewrite.py."""

from __future__ import annotations

import pytest

from alembic_lockplane.safety.types import SqlType, classify, parse_type


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("integer", SqlType("integer")),
        ("character varying(10)", SqlType("character varying", (10,))),
        ("numeric(10,2)", SqlType("numeric", (10, 2))),
        ("timestamp(3) with time zone", SqlType("timestamp with time zone", (3,))),
        ("time without time zone", SqlType("time without time zone")),
        ("character varying(10)[]", SqlType("character varying", (10,), 1)),
        ("integer[][]", SqlType("integer", (), 2)),
        ("public.mood[]", SqlType("public.mood", (), 1)),
        ("double precision", SqlType("double precision")),
    ],
)
def test_parse_type(text: str, expected: SqlType) -> None:
    assert parse_type(text) == expected


def test_unknown_pairs_are_treated_as_narrowing_rewrites() -> None:
    facts = classify("boolean", "integer")
    assert facts.rewrite and facts.narrowing and not facts.widening


def test_a_quoted_type_name_with_parentheses_is_kept_whole() -> None:
    assert parse_type('public."odd(type)"').name == 'public."odd(type)"'
    assert classify('public."odd(type)"', "text").widening


def test_enum_to_its_text_form_widens_and_back_narrows() -> None:
    assert classify("public.mood", "text").widening
    assert classify("text", "public.mood").narrowing
