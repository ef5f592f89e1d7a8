from safety_support import context, found

from alembic_lockplane.diff.changes_types import AddPrivilege, RemovePrivilege
from alembic_lockplane.model.objects import Column, Domain, Function, Schema, Table
from alembic_lockplane.model.types import Privilege, PrivilegeKind
from alembic_lockplane.plan.model import Safety

CODE = "revoke_privilege"
T = Table("public", "t", (Column("id", "integer"), Column("note", "text")))
READ = Privilege(PrivilegeKind.TABLE, "public", "t", "reporting", "SELECT")
FN = Function("public", "f", "", "", "CREATE ...")
NO_EXEC = Privilege(
    PrivilegeKind.FUNCTION, "public", "f", "PUBLIC", "EXECUTE", arguments="", revoked=True
)


def test_revoking_a_grant_on_a_kept_table_is_dangerous() -> None:
    ctx = context(current=Schema(tables=(T,), privileges=(READ,)), desired=Schema(tables=(T,)))
    [f] = found(RemovePrivilege(READ), ctx, CODE)
    assert f.level is Safety.DANGEROUS
    assert not f.blocking
    assert "SELECT on TABLE public.t from reporting" in f.message


def test_a_column_privilege_names_the_column() -> None:
    col = Privilege(PrivilegeKind.TABLE, "public", "t", "reporting", "UPDATE", column="note")
    ctx = context(current=Schema(tables=(T,), privileges=(col,)), desired=Schema(tables=(T,)))
    [f] = found(RemovePrivilege(col), ctx, CODE)
    assert "UPDATE (note) on TABLE public.t" in f.message


def test_revoking_execute_from_public_on_an_existing_function_is_flagged() -> None:
    ctx = context(
        current=Schema(functions=(FN,)), desired=Schema(functions=(FN,), privileges=(NO_EXEC,))
    )
    [f] = found(AddPrivilege(NO_EXEC), ctx, CODE)
    assert "EXECUTE on ROUTINE public.f() from PUBLIC" in f.message


def test_new_objects_dropped_objects_and_regrants_are_not_flagged() -> None:
    # a new function made private at once: nobody had EXECUTE on it
    new = context(desired=Schema(functions=(FN,), privileges=(NO_EXEC,)))
    assert found(AddPrivilege(NO_EXEC), new, CODE) == []
    # the table goes away with its grants
    gone = context(current=Schema(tables=(T,), privileges=(READ,)))
    assert found(RemovePrivilege(READ), gone, CODE) == []
    # revoked only to be granted again (the object is recreated, or the grant option changes)
    both = Schema(tables=(T,), privileges=(READ,))
    assert found(RemovePrivilege(READ), context(current=both, desired=both), CODE) == []
    # granting is never flagged
    assert found(AddPrivilege(READ), context(current=Schema(tables=(T,))), CODE) == []


def test_revoking_usage_from_public_on_an_existing_domain_is_flagged() -> None:
    posint = Domain("public", "posint", "integer")
    private = Privilege(PrivilegeKind.TYPE, "public", "posint", "PUBLIC", "USAGE", revoked=True)
    ctx = context(
        current=Schema(domains=(posint,)), desired=Schema(domains=(posint,), privileges=(private,))
    )
    [f] = found(AddPrivilege(private), ctx, CODE)
    assert "USAGE on TYPE public.posint from PUBLIC" in f.message
