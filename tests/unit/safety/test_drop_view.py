from safety_support import context, found

from alembic_lockplane.diff.changes import CreateView, DropView, ReplaceView
from alembic_lockplane.model.objects import Schema, View
from alembic_lockplane.plan.model import Safety

CODE = "drop_view"
VIEW = View("public", "active_users", " SELECT 1 AS n;")


def test_dropping_a_view_that_is_not_desired_is_dangerous() -> None:
    [f] = found(DropView(VIEW), context(current=Schema(views=(VIEW,))), CODE)
    assert f.level is Safety.DANGEROUS
    assert not f.blocking
    assert "view public.active_users" in f.message


def test_a_materialized_view_is_named_as_such() -> None:
    mat = View("public", "totals", " SELECT 1 AS n;", materialized=True)
    [f] = found(DropView(mat), context(current=Schema(views=(mat,))), CODE)
    assert "materialized view public.totals" in f.message


def test_a_view_dropped_to_be_created_again_is_not_flagged() -> None:
    again = View("public", "active_users", " SELECT 1 AS n, 2 AS m;")
    ctx = context(current=Schema(views=(VIEW,)), desired=Schema(views=(again,)))
    assert found(DropView(VIEW), ctx, CODE) == []


def test_creating_or_replacing_a_view_is_not_flagged() -> None:
    other = View("public", "active_users", " SELECT 2 AS n;")
    assert found(CreateView(VIEW), context(), CODE) == []
    assert found(ReplaceView(VIEW, other), context(), CODE) == []
