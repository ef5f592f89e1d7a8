"""A foreign key resting on a standalone unique index is dropped before the index goes
(PostgreSQL refuses ``DROP INDEX`` under it) and added again after."""

from __future__ import annotations

from alembic_lockplane.diff.changes import AddConstraint, DropConstraint, DropIndex
from alembic_lockplane.diff.diff import diff
from alembic_lockplane.model.objects import (
    Column,
    Constraint,
    ConstraintKind,
    ForeignKeyTarget,
    Index,
    IndexKey,
    Schema,
    Table,
)

CUR = Table("public", "cur", columns=(Column("code", "text", not_null=True),))
FK = Constraint(
    "price_cur_fkey",
    ConstraintKind.FOREIGN_KEY,
    "FOREIGN KEY (cur) REFERENCES public.cur(code)",
    columns=("cur",),
    references=ForeignKeyTarget("public", "cur", ("code",)),
)
PRICE = Table("public", "price", columns=(Column("cur", "text"),), constraints=(FK,))
UNIQUE = Index(
    "public",
    "cur_code_idx",
    "cur",
    "CREATE UNIQUE INDEX cur_code_idx ON public.cur USING btree (code)",
    unique=True,
    keys=(IndexKey("code"),),
)
PKEY = Constraint("cur_pkey", ConstraintKind.PRIMARY_KEY, "PRIMARY KEY (code)", columns=("code",))


def test_dropping_the_unique_index_under_a_foreign_key_rebuilds_the_key() -> None:
    old = Schema(tables=(CUR, PRICE), indexes=(UNIQUE,))
    new = Schema(tables=(Table("public", "cur", columns=CUR.columns, constraints=(PKEY,)), PRICE))
    changes = diff(old, new)
    kinds = [type(c) for c in changes]
    assert kinds[:2] == [DropConstraint, DropIndex]
    assert changes[-1] == AddConstraint(changes[0].table, FK)  # type: ignore[attr-defined]


def test_an_unrelated_index_change_leaves_the_foreign_key_alone() -> None:
    other = Index("public", "cur_x", "cur", "CREATE UNIQUE INDEX cur_x ON public.cur (x)", True)
    old = Schema(tables=(CUR, PRICE), indexes=(UNIQUE, other))
    new = Schema(tables=(CUR, PRICE), indexes=(UNIQUE,))
    assert [type(c) for c in diff(old, new)] == [DropIndex]
