"""Expression text rewritten into the form PostgreSQL prints back unchanged."""

from __future__ import annotations

from alembic_lockplane.introspect.canonical import canonical

FRESH = (
    "CHECK (((status)::text = ANY ((ARRAY['new'::character varying, "
    "'it''s'::character varying])::text[])))"
)
REPRINTED = (
    "CHECK (((status)::text = ANY (ARRAY[('new'::character varying)::text, "
    "('it''s'::character varying)::text])))"
)


def test_a_cast_literal_array_gets_its_cast_pushed_into_each_element() -> None:
    assert canonical(FRESH) == REPRINTED


def test_the_reprinted_form_is_left_alone() -> None:
    assert canonical(REPRINTED) == REPRINTED


def test_arrays_of_non_literals_and_plain_arrays_are_left_alone() -> None:
    for text in (
        "(x = ANY ((ARRAY[a, b])::text[]))",
        "(x = ANY (ARRAY['a'::text, 'b'::text]))",
        "(tags && '{a,b}'::text[])",
    ):
        assert canonical(text) == text


def test_quoted_and_qualified_type_names() -> None:
    text = '(c = ANY ((ARRAY[\'a\'::"My Type", \'b\'::"My Type"])::public."Other"[]))'
    assert canonical(text) == (
        '(c = ANY (ARRAY[(\'a\'::"My Type")::public."Other", (\'b\'::"My Type")::public."Other"]))'
    )


def test_a_leading_list_of_the_same_operator_is_merged_as_the_parser_does() -> None:
    between_and = (
        "CHECK ((((lat >= ('-90'::integer)::double precision) AND (lat <= (90)::double precision))"
        " AND ((lon >= ('-180'::integer)::double precision) AND (lon <= (180)::double precision))))"
    )
    assert canonical(between_and) == (
        "CHECK (((lat >= ('-90'::integer)::double precision) AND (lat <= (90)::double precision)"
        " AND ((lon >= ('-180'::integer)::double precision) AND (lon <= (180)::double precision))))"
    )
    assert canonical("((((a = 1) OR (b = 2)) OR (c = 3)) AND d)") == (
        "(((a = 1) OR (b = 2) OR (c = 3)) AND d)"
    )


def test_lists_of_another_operator_strings_and_calls_are_left_alone() -> None:
    for text in (
        "(((a = 1) OR (b = 2)) AND (c = 3))",
        "f(((a) AND (b)), c)",
        "((a = ' AND (x') AND (b = 1))",
        '(("x AND (y" = 1) AND (b = 1))',
        "(unbalanced AND (x",
    ):
        assert canonical(text) == text
