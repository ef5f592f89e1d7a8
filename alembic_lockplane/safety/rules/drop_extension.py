"""Dropping an extension removes every function, type and operator it installed."""

from __future__ import annotations

from collections.abc import Iterator

from alembic_lockplane.diff.changes import Change, DropExtension
from alembic_lockplane.plan.model import Safety
from alembic_lockplane.render.quote import quote_ident
from alembic_lockplane.safety.context import SafetyContext
from alembic_lockplane.safety.rule import Hit, Rule


def _check(change: Change, ctx: SafetyContext) -> Iterator[Hit]:
    if isinstance(change, DropExtension):
        yield {"extension": quote_ident(change.old.name)}


RULE = Rule(
    code="drop_extension",
    level=Safety.DANGEROUS,
    title="Drop extension",
    message=(
        "Drops extension {extension} and every function, type and operator it installed: "
        "queries calling them fail, and the DROP itself fails while a column, default or "
        "index still uses one of them."
    ),
    hint=(
        "Move columns, defaults and indexes off the extension's objects first and check no "
        "code calls them; allow with --allow drop_extension."
    ),
    blocking=False,
    check=_check,
)
