"""Dropping a function or procedure breaks every caller of that signature.

A change of argument types is a drop of the old signature (and a create of the new one):
callers passing the old types fail too. Functions dropped and created again (another
result type, argument names or defaults, or around a change of a view or column they
read) are not reported here.
"""

from __future__ import annotations

from collections.abc import Iterator

from alembic_lockplane.diff.changes import Change, DropFunction
from alembic_lockplane.plan.model import Safety
from alembic_lockplane.render.quote import qualified
from alembic_lockplane.safety.context import SafetyContext
from alembic_lockplane.safety.rule import Hit, Rule


def _check(change: Change, ctx: SafetyContext) -> Iterator[Hit]:
    if isinstance(change, DropFunction):
        fn = change.old
        if any(f.key == fn.key for f in ctx.desired.functions):
            return  # dropped to be created again around a change of what it reads
        kind = "procedure" if fn.procedure else "function"
        yield {"kind": kind, "function": f"{qualified(fn.schema, fn.name)}({fn.arguments})"}


RULE = Rule(
    code="drop_function",
    level=Safety.DANGEROUS,
    title="Drop function or procedure",
    message=(
        "Drops {kind} {function}: every query, default, trigger or application call that "
        "still uses this signature fails from this step on."
    ),
    hint=(
        "Move callers to the new signature first (keep both overloads for a release). "
        "Allow with --allow drop_function."
    ),
    blocking=False,
    check=_check,
)
