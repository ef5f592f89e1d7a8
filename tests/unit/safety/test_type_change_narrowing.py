import pytest
from safety_support import USERS, created, existing, found, users

from alembic_lockplane.diff.changes import AlterColumnType
from alembic_lockplane.model.objects import Column
from alembic_lockplane.plan.model import Safety

CODE = "type_change_narrowing"


def change(old: str, new: str) -> AlterColumnType:
    return AlterColumnType(USERS, Column("v", old), Column("v", new))


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("bigint", "integer"),
        ("integer", "smallint"),
        ("text", "character varying(100)"),
        ("character varying(20)", "character varying(10)"),
        ("numeric(10,2)", "numeric(8,2)"),
        ("numeric(10,4)", "numeric(10,2)"),
        ("numeric", "numeric(12,2)"),
        ("numeric(10,2)", "integer"),
        ("double precision", "real"),
        ("integer", "real"),
        ("timestamp with time zone", "date"),
        ("timestamp(6) without time zone", "timestamp(0) without time zone"),
        ("text", "integer"),
        ("text", "public.mood"),
        ("integer", "integer[]"),
        ("bigint[]", "integer[]"),
        ("inet", "cidr"),
    ],
)
def test_narrowing_changes_are_dangerous_and_blocking(old: str, new: str) -> None:
    [f] = found(change(old, new), existing(users()), CODE)
    assert f.level is Safety.DANGEROUS
    assert f.blocking
    assert f"from {old} to {new}" in f.message


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("integer", "bigint"),
        ("character varying(10)", "character varying(20)"),
        ("character varying(10)", "text"),
        ("text", "character varying"),
        ("numeric(10,2)", "numeric(12,2)"),
        ("numeric(10,2)", "numeric"),
        ("integer", "numeric(12,2)"),
        ("real", "double precision"),
        ("integer", "double precision"),
        ("date", "timestamp with time zone"),
        ("timestamp without time zone", "timestamp with time zone"),
        ("uuid", "text"),
        ("public.mood", "text"),
        ("integer[]", "bigint[]"),
    ],
)
def test_changes_that_keep_every_value_are_not_narrowing(old: str, new: str) -> None:
    assert found(change(old, new), existing(users()), CODE) == []


def test_a_table_created_in_the_plan_is_exempt() -> None:
    assert found(change("bigint", "integer"), created(users()), CODE) == []
