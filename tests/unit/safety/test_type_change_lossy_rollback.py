import pytest
from safety_support import USERS, existing, found, users

from alembic_lockplane.diff.changes import AlterColumnType
from alembic_lockplane.model.objects import Column
from alembic_lockplane.plan.model import Safety

CODE = "type_change_lossy_rollback"


def change(old: str, new: str) -> AlterColumnType:
    return AlterColumnType(USERS, Column("v", old), Column("v", new))


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("integer", "bigint"),
        ("character varying(10)", "character varying(20)"),
        ("character varying(10)", "text"),
        ("numeric(10,2)", "numeric(12,4)"),
        ("real", "double precision"),
        ("date", "timestamp without time zone"),
        ("uuid", "text"),
        ("json", "jsonb"),
    ],
)
def test_widening_is_lossy(old: str, new: str) -> None:
    [f] = found(change(old, new), existing(users()), CODE)
    assert f.level is Safety.LOSSY
    assert not f.blocking
    assert f"converts back to {old}" in f.message


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("bigint", "integer"),  # narrowing: dangerous, not lossy
        ("text", "character varying"),  # same set of values both ways
        ("character varying", "text"),
        ("timestamp without time zone", "timestamp with time zone"),
    ],
)
def test_changes_whose_rollback_keeps_every_value_are_not_lossy(old: str, new: str) -> None:
    assert found(change(old, new), existing(users()), CODE) == []


def test_the_rollback_of_a_widening_is_itself_narrowing() -> None:
    forward = change("integer", "bigint")
    codes = {f.code for f in found(forward.reverse(), existing(users()), "type_change_narrowing")}
    assert codes == {"type_change_narrowing"}
