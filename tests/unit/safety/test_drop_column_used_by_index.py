from dataclasses import replace

from safety_support import USERS, existing, found, index, users

from alembic_lockplane.diff.changes import DropColumn
from alembic_lockplane.model.objects import Column, Constraint, ConstraintKind
from alembic_lockplane.plan.model import Safety

CODE = "drop_column_used_by_index"
EMAIL = Column("email", "text")
ORG = Column("org", "text")
TABLE = users(Column("id", "bigint"), EMAIL, ORG, Column("emails", "text"))


def test_a_multi_column_index_is_named() -> None:
    ctx = existing(TABLE, indexes=(index("users_org_email", "org", "email"),))
    [f] = found(DropColumn(USERS, EMAIL), ctx, CODE)
    assert f.level is Safety.REVIEW
    assert not f.blocking
    assert "index public.users_org_email" in f.message


def test_include_columns_predicates_and_expressions_count() -> None:
    by_include = index("i1", "org", include=("email",))
    by_expression = index("i2", "(org || email)")
    by_predicate = replace(index("i3", "org"), predicate="(email IS NULL)")
    ctx = existing(TABLE, indexes=(by_include, by_expression, by_predicate))
    [f] = found(DropColumn(USERS, EMAIL), ctx, CODE)
    for name in ("i1", "i2", "i3"):
        assert f"public.{name}" in f.message


def test_an_index_or_constraint_on_the_dropped_column_alone_is_an_expected_loss() -> None:
    unique = Constraint("email_key", ConstraintKind.UNIQUE, "UNIQUE (email)", columns=("email",))
    check = Constraint("email_check", ConstraintKind.CHECK, "CHECK ((email <> ''::text))")
    table = users(*TABLE.columns, constraints=(unique, check))
    ctx = existing(table, indexes=(index("by_email", "email"), index("i2", "lower(email)")))
    assert found(DropColumn(USERS, EMAIL), ctx, CODE) == []


def test_a_check_over_two_columns_is_named() -> None:
    check = Constraint(
        "org_or_email", ConstraintKind.CHECK, "CHECK (((org IS NOT NULL) OR (email IS NOT NULL)))"
    )
    table = users(*TABLE.columns, constraints=(check,))
    [f] = found(DropColumn(USERS, EMAIL), existing(table), CODE)
    assert "constraint org_or_email" in f.message


def test_constraints_using_the_column_are_named() -> None:
    unique = Constraint(
        "users_org_email_key",
        ConstraintKind.UNIQUE,
        "UNIQUE (org, email)",
        columns=("org", "email"),
    )
    table = users(*TABLE.columns, constraints=(unique,))
    [f] = found(DropColumn(USERS, EMAIL), existing(table), CODE)
    assert "constraint users_org_email_key" in f.message


def test_indexes_on_other_columns_or_similar_names_are_not_flagged() -> None:
    ctx = existing(
        TABLE,
        indexes=(index("by_org", "org"), index("by_emails", "emails"), index("x", "lower(emails)")),
    )
    assert found(DropColumn(USERS, EMAIL), ctx, CODE) == []


def test_an_index_on_another_table_is_not_flagged() -> None:
    ctx = existing(TABLE, indexes=(index("other_email", "email", table="accounts"),))
    assert found(DropColumn(USERS, EMAIL), ctx, CODE) == []
