from safety_support import context, found

from alembic_lockplane.diff.changes import (
    CreateFunction,
    DropFunction,
    RecreateFunction,
    ReplaceFunction,
)
from alembic_lockplane.model.objects import Function
from alembic_lockplane.plan.model import Safety

CODE = "drop_function"
FN = Function("public", "price_with_tax", "integer", "p integer", "CREATE ...", result="integer")


def test_dropping_a_function_is_dangerous_and_names_its_signature() -> None:
    [f] = found(DropFunction(FN), context(), CODE)
    assert f.level is Safety.DANGEROUS
    assert not f.blocking
    assert "function public.price_with_tax(p integer)" in f.message


def test_a_procedure_is_named_as_such() -> None:
    proc = Function("public", "bump", "integer", "n integer", "CREATE ...", procedure=True)
    [f] = found(DropFunction(proc), context(), CODE)
    assert "procedure public.bump(n integer)" in f.message


def test_create_replace_and_recreate_are_not_flagged() -> None:
    other = Function(
        "public", "price_with_tax", "integer", "p integer", "CREATE ...", result="bigint"
    )
    assert found(CreateFunction(FN), context(), CODE) == []
    assert found(ReplaceFunction(FN, other), context(), CODE) == []
    assert found(RecreateFunction(FN, other), context(), CODE) == []


def test_a_function_dropped_to_be_created_again_is_not_flagged() -> None:
    """A BEGIN ATOMIC function reading a column that changes type is dropped and created
    again around the change: its callers keep working after the plan."""
    from alembic_lockplane.model.objects import Schema

    assert found(DropFunction(FN), context(desired=Schema(functions=(FN,))), CODE) == []
