import pytest
from safety_support import USERS, created, existing, found, users

from alembic_lockplane.diff.changes import AlterColumnType
from alembic_lockplane.model.objects import Column
from alembic_lockplane.plan.model import Safety

CODE = "type_change_rewrite"


def change(old: str, new: str) -> AlterColumnType:
    return AlterColumnType(USERS, Column("v", old), Column("v", new))


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("integer", "bigint"),
        ("smallint", "integer"),
        ("bigint", "integer"),
        ("text", "character varying(10)"),
        ("numeric(10,2)", "numeric(12,4)"),
        ("character(5)", "character(10)"),
        ("character varying(10)[]", "character varying(20)[]"),
        ("json", "jsonb"),
        ("timestamp without time zone", "timestamp with time zone"),
    ],
)
def test_rewriting_changes_are_review(old: str, new: str) -> None:
    [f] = found(change(old, new), existing(users()), CODE)
    assert f.level is Safety.REVIEW
    assert not f.blocking
    assert "rewrites the whole table" in f.message
    assert "ACCESS EXCLUSIVE" in f.message


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("character varying(10)", "character varying(20)"),
        ("character varying(10)", "character varying"),
        ("character varying(10)", "text"),
        ("text", "character varying"),
        ("numeric(10,2)", "numeric(12,2)"),
        ("numeric(10,2)", "numeric"),
        ("timestamp(3) without time zone", "timestamp(6) without time zone"),
        ("timestamp(3) with time zone", "timestamp with time zone"),
        ("bit varying(5)", "bit varying(10)"),
        ("cidr", "inet"),
    ],
)
def test_binary_coercible_changes_do_not_rewrite(old: str, new: str) -> None:
    assert found(change(old, new), existing(users()), CODE) == []


def test_a_table_created_in_the_plan_is_exempt() -> None:
    assert found(change("integer", "bigint"), created(users()), CODE) == []
