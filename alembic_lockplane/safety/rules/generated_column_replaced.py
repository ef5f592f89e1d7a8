"""Turning a plain column into a generated one (or back) drops and re-adds it: data is lost."""

from __future__ import annotations

from collections.abc import Iterator

from alembic_lockplane.diff.changes import Change, ReplaceGeneratedColumn
from alembic_lockplane.plan.model import Safety
from alembic_lockplane.safety.context import SafetyContext, is_existing_table
from alembic_lockplane.safety.rule import Hit, Rule, column_name


def _check(change: Change, ctx: SafetyContext) -> Iterator[Hit]:
    if not isinstance(change, ReplaceGeneratedColumn) or not is_existing_table(ctx, change.table):
        return
    column = column_name(change.table, change.old.name)
    if change.old.generated is None:
        yield {"column": column, "what": "its stored values are replaced by computed ones"}
    elif change.new.generated is None:
        yield {"column": column, "what": "it comes back as a plain column with no values"}


RULE = Rule(
    code="generated_column_replaced",
    level=Safety.DANGEROUS,
    title="Column turned generated, or generated turned plain",
    message=(
        "{column} is dropped and added again, so {what}; the table is rewritten under an "
        "ACCESS EXCLUSIVE lock, and the rollback cannot restore the old values."
    ),
    hint=(
        "Add a new column with the new definition, copy or compare the values, switch the "
        "application, then drop the old column. Allow with --allow generated_column_replaced."
    ),
    blocking=True,
    check=_check,
    lock="ACCESS EXCLUSIVE",
)
