"""Dropping an attribute of a composite type that a column stores deletes that part of
every stored value; the rollback brings the attribute back empty (or cannot, when it was
not the last one)."""

from __future__ import annotations

from collections.abc import Iterator

from alembic_lockplane.diff.changes import Change
from alembic_lockplane.diff.changes_types import AlterCompositeType
from alembic_lockplane.diff.types import type_users
from alembic_lockplane.plan.model import Safety
from alembic_lockplane.render.quote import qualified, quote_ident
from alembic_lockplane.safety.context import SafetyContext
from alembic_lockplane.safety.rule import Hit, Rule


def _check(change: Change, ctx: SafetyContext) -> Iterator[Hit]:
    if not isinstance(change, AlterCompositeType):
        return
    old, new = change.old, change.new
    users = type_users(ctx.current, old.schema, old.name)
    if not users:
        return
    for attr in old.attributes:
        if new.attribute(attr.name) is None:
            yield {
                "attribute": f"{qualified(old.schema, old.name)}.{quote_ident(attr.name)}",
                "column": users[0],
                "more": f" (and {len(users) - 1} more)" if len(users) > 1 else "",
            }


RULE = Rule(
    code="drop_type_attribute",
    level=Safety.DANGEROUS,
    title="Drop an attribute of a composite type a column stores",
    message=(
        "Drops attribute {attribute}, which column {column}{more} stores: that part of every "
        "stored value is gone, and the rollback adds the attribute back empty (or, when it "
        "was not the last attribute, has no rollback at all)."
    ),
    hint=(
        "Copy the values out first if they may be needed, stop reading the attribute in the "
        "application, then drop it. Allow with --allow drop_type_attribute."
    ),
    blocking=True,
    check=_check,
)
