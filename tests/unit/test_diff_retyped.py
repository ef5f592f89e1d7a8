"""A column whose type changes under what reads it: generated columns, expression indexes
and policies are taken off before the type change and put back after it."""

from __future__ import annotations

from alembic_lockplane.diff.changes import (
    AddColumn,
    AlterColumnType,
    CreateIndex,
    CreatePolicy,
    DropColumn,
    DropIndex,
    DropPolicy,
    TableKey,
)
from alembic_lockplane.diff.diff import diff
from alembic_lockplane.diff.mentions import mentions
from alembic_lockplane.model.objects import Column, Index, IndexKey, Policy, Schema, Table

ITEM = TableKey("public", "item")


def _item(price: str, *, total: str = "integer", policy: str | None = None) -> Table:
    return Table(
        "public",
        "item",
        columns=(
            Column("price", price),
            Column("total", total, generated="(price * 2)"),
            Column("note", "text"),
        ),
        policies=(Policy("p", using=policy),) if policy else (),
    )


def test_a_generated_column_reading_a_retyped_column_is_dropped_first_and_added_last() -> None:
    changes = diff(Schema(tables=(_item("integer"),)), Schema(tables=(_item("bigint"),)))
    kinds = [type(c) for c in changes]
    assert kinds == [DropColumn, AlterColumnType, AddColumn]
    assert isinstance(changes[2], AddColumn) and changes[2].new.name == "total"


def test_a_generated_column_reading_only_unchanged_columns_stays() -> None:
    old = Table("public", "item", columns=(Column("price", "integer"), Column("note", "text")))
    new = Table("public", "item", columns=(Column("price", "integer"), Column("note", "bigint")))
    changes = diff(Schema(tables=(old,)), Schema(tables=(new,)))
    assert [type(c) for c in changes] == [AlterColumnType]


def test_a_policy_reading_a_retyped_column_is_recreated_around_it() -> None:
    old = _item("integer", policy="(price > 0)")
    new = _item("bigint", policy="(price > 0)")
    kinds = [type(c) for c in diff(Schema(tables=(old,)), Schema(tables=(new,)))]
    assert kinds[0] is DropPolicy and kinds[-1] is CreatePolicy
    assert kinds.index(AlterColumnType) < kinds.index(CreatePolicy)


def test_an_index_predicate_reading_a_retyped_column_is_recreated() -> None:
    def index(pred: str) -> Index:
        return Index(
            "public",
            "i",
            "item",
            definition=f"CREATE INDEX i ON public.item USING btree (note) WHERE {pred}",
            keys=(IndexKey("note"),),
            predicate=pred,
        )

    old = Schema(tables=(_item("integer"),), indexes=(index("(price > 0)"),))
    new = Schema(tables=(_item("bigint"),), indexes=(index("(price > 0)"),))
    kinds = [type(c) for c in diff(old, new)]
    assert kinds.index(DropIndex) < kinds.index(AlterColumnType) < kinds.index(CreateIndex)


def test_mentions_matches_whole_identifiers_only() -> None:
    assert mentions("(price * qty)", "price")
    assert not mentions("(unit_price * qty)", "price")
    assert not mentions("(price_eur * qty)", "price")
    assert mentions('("Price" * 2)', "Price")
    assert not mentions("(price * 2)", "Price")
    assert not mentions(None, "price")


def _fk_pair(pk_type: str, fk_type: str) -> Schema:
    from alembic_lockplane.model.objects import Constraint, ConstraintKind, ForeignKeyTarget

    pkey = Constraint("p_pkey", ConstraintKind.PRIMARY_KEY, "PRIMARY KEY (id)", columns=("id",))
    fk = Constraint(
        "c_p_fkey",
        ConstraintKind.FOREIGN_KEY,
        "FOREIGN KEY (p_id) REFERENCES public.p(id)",
        columns=("p_id",),
        references=ForeignKeyTarget("public", "p", ("id",)),
    )
    return Schema(
        tables=(
            Table("public", "c", columns=(Column("p_id", fk_type),), constraints=(fk,)),
            Table("public", "p", columns=(Column("id", pk_type),), constraints=(pkey,)),
        )
    )


def test_a_foreign_key_whose_columns_change_type_family_is_dropped_and_added_again() -> None:
    from alembic_lockplane.diff.changes import AddConstraint, DropConstraint

    kinds = [type(c) for c in diff(_fk_pair("integer", "integer"), _fk_pair("text", "text"))]
    assert kinds[0] is DropConstraint and kinds[-1] is AddConstraint


def test_a_widened_foreign_key_stays() -> None:
    kinds = [type(c) for c in diff(_fk_pair("integer", "integer"), _fk_pair("bigint", "bigint"))]
    assert kinds == [AlterColumnType, AlterColumnType]


def test_a_policy_reading_another_tables_dropped_column_is_recreated_first() -> None:
    def reader(using: str) -> Table:
        return Table(
            "public",
            "file",
            columns=(Column("id", "integer"),),
            policies=(Policy("p", using=using),),
        )

    old = reader("(id IN (SELECT g.id FROM public.g WHERE g.legacy))")
    new = reader("(id IN (SELECT g.id FROM public.g))")
    old_g = Table("public", "g", columns=(Column("id", "integer"), Column("legacy", "boolean")))
    new_g = Table("public", "g", columns=(Column("id", "integer"),))
    kinds = [type(c) for c in diff(Schema(tables=(old, old_g)), Schema(tables=(new, new_g)))]
    assert kinds == [DropPolicy, DropColumn, CreatePolicy]


def test_a_check_comparing_a_recreated_enum_column_is_dropped_before_and_added_after() -> None:
    from alembic_lockplane.diff.changes import AddConstraint, DropConstraint, RecreateEnum
    from alembic_lockplane.model.objects import Constraint, ConstraintKind, EnumType

    check = Constraint(
        "page_s_check", ConstraintKind.CHECK, "CHECK ((s <> 'draft'::public.st))", columns=("s",)
    )
    page = Table("public", "page", columns=(Column("s", "public.st"),), constraints=(check,))
    old = Schema(enums=(EnumType("public", "st", ("draft", "live", "gone")),), tables=(page,))
    new = Schema(enums=(EnumType("public", "st", ("draft", "live")),), tables=(page,))
    kinds = [type(c) for c in diff(old, new)]
    assert kinds == [DropConstraint, RecreateEnum, AddConstraint]


def test_an_atomic_function_reading_a_table_is_dropped_before_the_table() -> None:
    from alembic_lockplane.diff.changes import DropFunction, DropTable
    from alembic_lockplane.model.objects import Dependency, Function

    fn = Function(
        "public",
        "cnt",
        identity="",
        arguments="",
        definition="CREATE FUNCTION public.cnt() ... BEGIN ATOMIC ... END",
        result="bigint",
        depends_on=(Dependency("relation", "public", "b"),),
    )
    table = Table("public", "b", columns=(Column("id", "integer"),))
    kinds = [type(c) for c in diff(Schema(tables=(table,), functions=(fn,)), Schema())]
    assert kinds == [DropFunction, DropTable]


def test_an_atomic_function_reading_a_retyped_column_is_dropped_before_and_created_after() -> None:
    from alembic_lockplane.diff.changes import CreateFunction, DropFunction
    from alembic_lockplane.model.objects import Dependency, Function

    fn = Function(
        "public",
        "total",
        identity="",
        arguments="",
        definition="CREATE FUNCTION public.total() ... BEGIN ATOMIC ... END",
        result="bigint",
        depends_on=(Dependency("relation", "public", "item", ("price",)),),
    )
    old = Schema(tables=(_item("integer"),), functions=(fn,))
    new = Schema(tables=(_item("bigint"),), functions=(fn,))
    kinds = [type(c) for c in diff(old, new)]
    assert kinds.index(DropFunction) < kinds.index(AlterColumnType) < kinds.index(CreateFunction)


def test_columns_are_dropped_last_first_so_the_rollback_adds_them_back_in_order() -> None:
    cols = (Column("a", "integer"), Column("b", "text"), Column("c", "text"))
    old = Schema(tables=(Table("public", "t", columns=cols),))
    new = Schema(tables=(Table("public", "t", columns=cols[:1]),))
    changes = diff(old, new)
    assert [c.old.name for c in changes if isinstance(c, DropColumn)] == ["c", "b"]
    reverse = [c.reverse() for c in reversed(changes)]
    assert [c.new.name for c in reverse if isinstance(c, AddColumn)] == ["b", "c"]


def test_casts_to_and_from_enums_go_through_text() -> None:
    from alembic_lockplane.diff.casts import using_cast

    assert using_cast("s", "public.a", "public.b") == "s::text::public.b"
    assert using_cast("s", "smallint", "public.lvl") == "s::text::public.lvl"
    assert using_cast("s", "public.a[]", "public.b[]") == "s::text[]::public.b[]"
    assert using_cast("s", "text", "public.lvl") == "s::public.lvl"
    assert using_cast("s", "public.lvl", "text") == "s::text"
    assert using_cast("s", "text", "integer") == "s::integer"


def test_a_domain_whose_check_calls_our_function_comes_after_it_and_goes_before_it() -> None:
    from alembic_lockplane.diff.changes import (
        AlterDomain,
        CreateDomain,
        CreateFunction,
        DropDomain,
        DropFunction,
    )
    from alembic_lockplane.model.objects import Domain, DomainConstraint, Function

    fn = Function("public", "is_slug", "text", "t text", "CREATE FUNCTION ...", result="boolean")
    check = DomainConstraint("slug_ok", "CHECK (public.is_slug(VALUE))")
    slug = Domain("public", "slug", base_type="text", constraints=(check,))
    both = Schema(functions=(fn,), domains=(slug,))
    assert [type(c) for c in diff(Schema(), both)] == [CreateFunction, CreateDomain]
    # The domain lets go of the function (its check taken off, or the domain dropped) first.
    dropped = [type(c) for c in diff(both, Schema())]
    assert dropped[0] in (AlterDomain, DropDomain) and DropFunction in dropped


def test_a_domain_with_builtin_calls_only_stays_with_the_enums() -> None:
    from alembic_lockplane.diff.order_objects import _calls_user_function
    from alembic_lockplane.model.objects import Domain, DomainConstraint

    check = DomainConstraint("c", "CHECK ((length(VALUE) < 5) AND (VALUE <> 'a.b(c'::text))")
    assert not _calls_user_function(Domain("public", "d", "text", constraints=(check,)))
