import pytest
from safety_support import USERS, created, existing, found, users

from alembic_lockplane.diff.changes import AddColumn
from alembic_lockplane.model.objects import Column, Identity
from alembic_lockplane.plan.model import Safety

CODE = "add_column_not_null_without_default"


def test_not_null_without_default_is_dangerous_and_blocking() -> None:
    [f] = found(AddColumn(USERS, Column("plan", "text", not_null=True)), existing(users()), CODE)
    assert f.level is Safety.DANGEROUS
    assert f.blocking
    assert "public.users.plan" in f.message


@pytest.mark.parametrize(
    "column",
    [
        Column("plan", "text"),
        Column("plan", "text", not_null=True, default="'free'::text"),
        Column("n", "bigint", not_null=True, identity=Identity(always=True)),
        Column("n", "bigint", not_null=True, generated="(id * 2)"),
    ],
)
def test_columns_that_get_a_value_are_not_flagged(column: Column) -> None:
    assert found(AddColumn(USERS, column), existing(users()), CODE) == []


def test_a_table_created_in_the_plan_is_exempt() -> None:
    change = AddColumn(USERS, Column("plan", "text", not_null=True))
    assert found(change, created(users()), CODE) == []
