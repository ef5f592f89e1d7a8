import pytest
from safety_support import USERS, created, existing, found, users

from alembic_lockplane.diff.changes import AddColumn, SetDefault
from alembic_lockplane.model.objects import Column, Identity
from alembic_lockplane.plan.model import Safety

CODE = "add_column_volatile_default"


@pytest.mark.parametrize(
    ("default", "called"),
    [
        ("random()", "random()"),
        ("clock_timestamp()", "clock_timestamp()"),
        ("gen_random_uuid()", "gen_random_uuid()"),
        ("nextval('public.users_n_seq'::regclass)", "nextval()"),
        ("(random() * (100)::double precision)", "random()"),
        ("public.uuid_generate_v4()", "public.uuid_generate_v4()"),  # user functions: VOLATILE
    ],
)
def test_volatile_defaults_rewrite(default: str, called: str) -> None:
    [f] = found(AddColumn(USERS, Column("v", "text", default=default)), existing(users()), CODE)
    assert f.level is Safety.REVIEW
    assert not f.blocking
    assert f"volatile {called}" in f.message
    assert "rewrites the whole table" in f.message


def test_an_identity_column_rewrites() -> None:
    column = Column("n", "bigint", not_null=True, identity=Identity(always=False))
    [f] = found(AddColumn(USERS, column), existing(users()), CODE)
    assert "with identity (every row gets a value from its sequence)" in f.message


@pytest.mark.parametrize(
    "default",
    [
        "now()",
        "CURRENT_TIMESTAMP",
        "statement_timestamp()",
        "0",
        "'random()'::text",
        "lower('X'::text)",
        "'x'::character varying(10)",
        None,
    ],
)
def test_constant_and_stable_defaults_do_not(default: str | None) -> None:
    change = AddColumn(USERS, Column("v", "text", default=default))
    assert found(change, existing(users()), CODE) == []


def test_new_tables_and_set_default_are_not_flagged() -> None:
    column = Column("v", "float8", default="random()")
    assert found(AddColumn(USERS, column), created(users()), CODE) == []
    change = SetDefault(USERS, Column("v", "float8"), column)
    assert found(change, existing(users()), CODE) == []
