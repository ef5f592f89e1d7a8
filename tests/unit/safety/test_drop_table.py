from dataclasses import replace

from safety_support import existing, found, users

from alembic_lockplane.diff.changes import CreateTable, DropTable
from alembic_lockplane.plan.model import Safety

CODE = "drop_table"


def test_dropping_a_table_is_dangerous_and_blocking() -> None:
    [f] = found(DropTable(users()), existing(users()), CODE)
    assert f.level is Safety.DANGEROUS
    assert f.blocking
    assert "public.users" in f.message
    assert "--allow drop_table" in f.hint


def test_creating_a_table_is_not_flagged() -> None:
    assert found(CreateTable(users()), existing(), CODE) == []


def test_quoted_names_are_spelled_as_sql() -> None:
    odd = replace(users(), schema="Sales", name="order")
    [f] = found(DropTable(odd), existing(odd), CODE)
    assert '"Sales"."order"' in f.message
