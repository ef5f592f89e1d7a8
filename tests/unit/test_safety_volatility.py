"""Finding volatile calls in a default as ``pg_get_expr`` prints it."""

from __future__ import annotations

import pytest

from alembic_lockplane.safety.volatility import volatile_calls


@pytest.mark.parametrize(
    ("expression", "calls"),
    [
        ("nextval('public.users_id_seq'::regclass)", ["nextval"]),
        ("(random() * (10)::double precision)", ["random"]),
        ("gen_random_uuid()", ["gen_random_uuid"]),
        ("uuidv7()", ["uuidv7"]),
        ("public.make_code()", ["public.make_code"]),
        ('"My Schema".make_code(1)', ['"My Schema".make_code']),
        ("(clock_timestamp() + '1 day'::interval)", ["clock_timestamp"]),
        ("now()", []),
        ("CURRENT_TIMESTAMP", []),
        ("'random()'::text", []),
        ("'it''s random()'::text", []),
        ("'x'::character varying(10)", []),
        ("lower('ABC'::text)", []),
        ("(date_trunc('day'::text, now()) + '01:00:00'::interval)", []),
    ],
)
def test_volatile_calls(expression: str, calls: list[str]) -> None:
    assert volatile_calls(expression) == calls
