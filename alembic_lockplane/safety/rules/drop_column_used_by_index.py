"""A dropped column takes along indexes and constraints that also cover other columns.

An index on the dropped column alone is an expected loss; one on ``(org, email)`` is not:
queries on ``org`` lose it, and a multi-column UNIQUE stops enforcing anything.
"""

from __future__ import annotations

from collections.abc import Iterator

from alembic_lockplane.diff.changes import Change, DropColumn
from alembic_lockplane.plan.model import Safety
from alembic_lockplane.render.quote import qualified, quote_ident
from alembic_lockplane.safety.context import SafetyContext
from alembic_lockplane.safety.refs import (
    constraints_using,
    covers_other_columns,
    indexes_using,
)
from alembic_lockplane.safety.rule import Hit, Rule, column_name


def _check(change: Change, ctx: SafetyContext) -> Iterator[Hit]:
    if not isinstance(change, DropColumn):
        return
    column = change.old.name
    schema, table = ctx.current, change.table
    users = [
        f"index {qualified(i.schema, i.name)}"
        for i in indexes_using(schema, table, column)
        if covers_other_columns(schema, table, i, column)
    ] + [
        f"constraint {quote_ident(c.name)}"
        for c in constraints_using(schema, table, column)
        if covers_other_columns(schema, table, c, column)
    ]
    if users:
        yield {"column": column_name(change.table, column), "users": ", ".join(users)}


RULE = Rule(
    code="drop_column_used_by_index",
    level=Safety.REVIEW,
    title="Drop a column that multi-column indexes or constraints use",
    message=(
        "Dropping {column} also removes {users}, which also cover other columns: PostgreSQL "
        "cannot keep an index or constraint without one of its columns, so queries on the "
        "remaining columns lose the index and a multi-column UNIQUE stops enforcing anything."
    ),
    hint=(
        "If the other columns still need an index or constraint, declare it in the desired "
        "schema without this column (build it before the drop, concurrently). Allow with "
        "--allow drop_column_used_by_index."
    ),
    blocking=False,
    check=_check,
    lock="ACCESS EXCLUSIVE",
)
