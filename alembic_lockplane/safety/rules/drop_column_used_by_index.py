"""A dropped column silently takes every index and constraint that uses it along."""

from __future__ import annotations

from collections.abc import Iterator

from alembic_lockplane.diff.changes import Change, DropColumn
from alembic_lockplane.plan.model import Safety
from alembic_lockplane.render.quote import qualified, quote_ident
from alembic_lockplane.safety.context import SafetyContext
from alembic_lockplane.safety.refs import constraints_using, indexes_using
from alembic_lockplane.safety.rule import Hit, Rule, column_name


def _check(change: Change, ctx: SafetyContext) -> Iterator[Hit]:
    if not isinstance(change, DropColumn):
        return
    column = change.old.name
    users = [
        f"index {qualified(i.schema, i.name)}"
        for i in indexes_using(ctx.current, change.table, column)
    ] + [
        f"constraint {quote_ident(c.name)}"
        for c in constraints_using(ctx.current, change.table, column)
    ]
    if users:
        yield {"column": column_name(change.table, column), "users": ", ".join(users)}


RULE = Rule(
    code="drop_column_used_by_index",
    level=Safety.REVIEW,
    title="Drop a column that indexes or constraints use",
    message=(
        "Dropping {column} also drops {users}: PostgreSQL removes every index and constraint "
        "that uses the column, even one that also covers other columns, so queries and "
        "uniqueness that relied on them are gone with it."
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
