"""A new collation on an indexed column rebuilds those indexes under ACCESS EXCLUSIVE."""

from __future__ import annotations

from collections.abc import Iterator

from alembic_lockplane.diff.changes import AlterColumnCollation, Change
from alembic_lockplane.model.objects import ConstraintKind
from alembic_lockplane.plan.model import Safety
from alembic_lockplane.render.quote import qualified, quote_ident
from alembic_lockplane.safety.context import SafetyContext, is_existing_table
from alembic_lockplane.safety.refs import kept_constraints_using, kept_indexes_using
from alembic_lockplane.safety.rule import Hit, Rule, column_name

_INDEXED = {ConstraintKind.PRIMARY_KEY, ConstraintKind.UNIQUE, ConstraintKind.EXCLUSION}


def _check(change: Change, ctx: SafetyContext) -> Iterator[Hit]:
    if not isinstance(change, AlterColumnCollation) or not is_existing_table(ctx, change.table):
        return
    name, current, desired = change.old.name, ctx.current, ctx.desired
    # Indexes the plan drops and re-creates are rebuilt by their own steps, not by this one.
    users = [
        qualified(i.schema, i.name)
        for i in kept_indexes_using(current, desired, change.table, name)
    ]
    users += [
        quote_ident(c.name)
        for c in kept_constraints_using(current, desired, change.table, name)
        if c.kind in _INDEXED
    ]
    if users:
        yield {"column": column_name(change.table, name), "indexes": ", ".join(users)}


RULE = Rule(
    code="collation_change",
    level=Safety.REVIEW,
    title="Collation change on an indexed column",
    message=(
        "Changing the collation of {column} keeps the rows but rebuilds {indexes} by reading "
        "the whole table under an ACCESS EXCLUSIVE lock; sort order and equality by the new "
        "collation may also make a unique index fail on values that now compare equal."
    ),
    hint=(
        "Build an index with the new collation CONCURRENTLY beside the old one, or run the "
        "change in a maintenance window. Allow with --allow collation_change."
    ),
    blocking=False,
    check=_check,
    lock="ACCESS EXCLUSIVE",
)
