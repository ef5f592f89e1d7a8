from safety_support import USERS, existing, found, users

from alembic_lockplane.diff.changes import AddEnumValue, EnumColumnUse, RecreateEnum, enum_change
from alembic_lockplane.model.objects import Column, EnumType
from alembic_lockplane.plan.model import Safety

CODE = "enum_value_removed"
OLD = EnumType("public", "mood", ("sad", "ok", "happy"))
USE = (EnumColumnUse(USERS, Column("mood", "public.mood")),)


def test_removing_a_value_is_dangerous_and_blocking() -> None:
    change = enum_change(OLD, EnumType("public", "mood", ("sad", "happy")), USE)
    assert isinstance(change, RecreateEnum)
    [f] = found(change, existing(users()), CODE)
    assert f.level is Safety.DANGEROUS
    assert f.blocking
    assert "'ok'" in f.message
    assert "public.mood" in f.message


def test_a_renamed_value_counts_as_removed() -> None:
    change = enum_change(OLD, EnumType("public", "mood", ("sad", "fine", "happy")), USE)
    [f] = found(change, existing(users()), CODE)
    assert "'ok'" in f.message
    assert f.hint is not None and "-- lockplane: renamed from 'old'" in f.hint


def test_adding_or_reordering_values_removes_nothing() -> None:
    added = enum_change(OLD, EnumType("public", "mood", ("sad", "ok", "meh", "happy")), USE)
    assert isinstance(added, AddEnumValue)
    reordered = enum_change(OLD, EnumType("public", "mood", ("happy", "ok", "sad")), USE)
    assert found(added, existing(users()), CODE) == []
    assert found(reordered, existing(users()), CODE) == []


def test_the_rollback_of_an_added_value_removes_it() -> None:
    added = enum_change(OLD, EnumType("public", "mood", ("sad", "ok", "meh", "happy")), USE)
    [f] = found(added.reverse(), existing(users()), CODE)
    assert "'meh'" in f.message
