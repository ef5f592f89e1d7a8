from safety_support import USERS, context, found

from alembic_lockplane.diff.changes_storage import SetLogged, SetReplicaIdentity, SetTableOptions
from alembic_lockplane.plan.model import Safety

CODE = "set_logged"


def test_making_an_existing_table_unlogged_is_review_and_names_the_rewrite() -> None:
    [f] = found(SetLogged(USERS, unlogged=True), context(), CODE)
    assert f.level is Safety.REVIEW
    assert not f.blocking
    assert "public.users SET UNLOGGED" in f.message
    assert "ACCESS EXCLUSIVE" in f.message
    assert "--allow set_logged" in f.hint


def test_making_it_logged_again_is_flagged_too() -> None:
    [f] = found(SetLogged(USERS, unlogged=False), context(), CODE)
    assert "SET LOGGED" in f.message


def test_a_table_created_by_the_plan_is_not_flagged() -> None:
    ctx = context(created_tables=frozenset({("public", "users")}))
    assert found(SetLogged(USERS, unlogged=True), ctx, CODE) == []


def test_other_storage_changes_are_not_this_rule() -> None:
    assert found(SetTableOptions(USERS, (), ("fillfactor=70",)), context(), CODE) == []
    assert found(SetReplicaIdentity(USERS, None, None, "FULL", None), context(), CODE) == []
