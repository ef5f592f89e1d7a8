"""Collations in the diff: order around the objects using them, recreate, refusals
(no server: hand-made schemas)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from alembic_lockplane.diff.changes_collations import RecreateCollation
from alembic_lockplane.diff.diff import diff
from alembic_lockplane.errors import PlanError
from alembic_lockplane.model.collations import Collation
from alembic_lockplane.model.objects import Column, Domain, Index, IndexKey, Schema, Table
from alembic_lockplane.render.render import statements

CI = Collation("public", "ci", "icu", "und-u-ks-level2", deterministic=False)
BYTES = Collation("public", "Bytes", "libc", lc_collate="C", lc_ctype="C.utf8")
USERS = Table(
    "public",
    "users",
    (Column("id", "integer"), Column("email", "text", collation="public.ci")),
)


def _sql(current: Schema, desired: Schema) -> list[str]:
    return [s for change in diff(current, desired) for s in statements(change)]


def test_a_collation_is_created_before_the_table_using_it_and_dropped_after() -> None:
    with_it = Schema(collations=(CI,), tables=(USERS,))
    assert _sql(Schema(), with_it) == [
        "CREATE COLLATION public.ci (provider = icu, locale = 'und-u-ks-level2', "
        "deterministic = false)",
        "CREATE TABLE public.users (id integer, email text COLLATE public.ci)",
    ]
    assert _sql(with_it, Schema()) == ["DROP TABLE public.users", "DROP COLLATION public.ci"]


def test_libc_collations_name_both_categories_when_they_differ() -> None:
    assert _sql(Schema(), Schema(collations=(BYTES,))) == [
        "CREATE COLLATION public.\"Bytes\" (provider = libc, lc_collate = 'C', lc_ctype = 'C.utf8')"
    ]


def test_a_changed_collation_is_recreated_with_its_columns_moved_over() -> None:
    current = Schema(collations=(CI,), tables=(USERS,))
    desired = Schema(collations=(replace(CI, locale="und-u-ks-level1"),), tables=(USERS,))
    [change] = diff(current, desired)
    assert isinstance(change, RecreateCollation)
    assert statements(change) == [
        "ALTER COLLATION public.ci RENAME TO ci__lockplane_old",
        "CREATE COLLATION public.ci (provider = icu, locale = 'und-u-ks-level1', "
        "deterministic = false)",
        "ALTER TABLE public.users ALTER COLUMN email TYPE text COLLATE public.ci",
        "DROP COLLATION public.ci__lockplane_old",
    ]
    assert statements(change.reverse())[1].endswith(
        "locale = 'und-u-ks-level2', deterministic = false)"
    )


def test_a_comment_alone_is_a_comment() -> None:
    current = Schema(collations=(CI,))
    assert _sql(current, Schema(collations=(replace(CI, comment="emails"),))) == [
        "COMMENT ON COLLATION public.ci IS 'emails'"
    ]


@pytest.mark.parametrize(
    ("extra", "user"),
    [
        ({"domains": (Domain("public", "email", "text", collation="public.ci"),)}, "domain"),
        (
            {
                "indexes": (
                    Index(
                        "public",
                        "users_lower",
                        "users",
                        "CREATE INDEX ...",
                        keys=(IndexKey("lower(email)", collation="public.ci"),),
                    ),
                )
            },
            "index public.users_lower",
        ),
    ],
)
def test_recreating_a_collation_something_else_uses_is_refused(
    extra: dict[str, tuple[object, ...]], user: str
) -> None:
    current = Schema(collations=(CI,), tables=(USERS,), **extra)  # type: ignore[arg-type]
    desired = replace(current, collations=(replace(CI, deterministic=True),))
    with pytest.raises(PlanError, match=f"collation public.ci: .* {user}"):
        diff(current, desired)


def test_an_index_on_a_moved_column_is_rebuilt_by_postgresql_not_refused() -> None:
    key = IndexKey("email", collation="public.ci")
    index = Index("public", "users_email", "users", "CREATE INDEX ...", keys=(key,))
    current = Schema(collations=(CI,), tables=(USERS,), indexes=(index,))
    desired = replace(current, collations=(replace(CI, locale="und"),))
    [change] = diff(current, desired)
    assert isinstance(change, RecreateCollation) and len(change.uses) == 1
