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
