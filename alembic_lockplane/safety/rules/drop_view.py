"""Dropping a view (or materialized view) breaks every query that still reads it.

Views dropped only to be created again around a change (a column they read is retyped,
their output columns change) are not reported: the plan recreates them.
"""

from __future__ import annotations

from collections.abc import Iterator

from alembic_lockplane.diff.changes import Change, DropView
from alembic_lockplane.plan.model import Safety
from alembic_lockplane.render.quote import qualified
from alembic_lockplane.safety.context import SafetyContext
from alembic_lockplane.safety.rule import Hit, Rule


def _check(change: Change, ctx: SafetyContext) -> Iterator[Hit]:
    if isinstance(change, DropView):
        view = change.old
        if any(v.key == view.key for v in ctx.desired.views):
            return
        kind = "materialized view" if view.materialized else "view"
        yield {"kind": kind, "view": qualified(view.schema, view.name)}


RULE = Rule(
    code="drop_view",
    level=Safety.DANGEROUS,
    title="Drop view",
    message=(
        "Drops {kind} {view}: every query, function or report that still reads it fails "
        "from this step on."
    ),
    hint=(
        "Make sure nothing reads it any more (pg_stat_statements, application code) before "
        "dropping it. Allow with --allow drop_view."
    ),
    blocking=False,
    check=_check,
)
