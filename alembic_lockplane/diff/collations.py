"""Diff of collations: create, drop, comment; any other change recreates the collation.

Columns, index keys, domains, composite and range types and view columns name the
collation they use schema-qualified (``regcollation``), so a use is found by that name.
A recreate moves the columns of kept tables over to the new collation in the same step;
PostgreSQL cannot drop a collation anything else still uses, so the plan is refused
then (``PlanError``) rather than failing half-way through.
"""

from __future__ import annotations

from collections.abc import Iterator

from alembic_lockplane.diff.changes import Change, CommentTarget, SetComment
from alembic_lockplane.diff.changes_collations import (
    CollationColumnUse,
    CreateCollation,
    DropCollation,
    RecreateCollation,
)
from alembic_lockplane.diff.changes_db import CommentKind
from alembic_lockplane.diff.keys import TableKey
from alembic_lockplane.errors import PlanError
from alembic_lockplane.model.collations import Collation
from alembic_lockplane.model.objects import Schema
from alembic_lockplane.render.quote import qualified, quote_ident


def diff_collations(current: Schema, desired: Schema) -> list[Change]:
    before = {c.key: c for c in current.collations}
    after = {c.key: c for c in desired.collations}
    changes: list[Change] = []
    for key in sorted(before.keys() | after.keys()):
        old, new = before.get(key), after.get(key)
        if old is None:
            assert new is not None
            changes.append(CreateCollation(new))
        elif new is None:
            changes.append(DropCollation(old))
        elif old.definition != new.definition:
            changes.append(RecreateCollation(old, new, _uses(old, current, desired)))
        elif old.comment != new.comment:
            target = CommentTarget(CommentKind.COLLATION, old.schema, old.name)
            changes.append(SetComment(target, old.comment, new.comment))
    return changes


def _uses(collation: Collation, current: Schema, desired: Schema) -> tuple[CollationColumnUse, ...]:
    """The columns moved to the recreated collation: those of tables the plan keeps, in
    columns it keeps (dropped ones are gone by then). Refused when anything else uses it."""
    name = qualified(collation.schema, collation.name)
    uses: list[CollationColumnUse] = []
    kept: set[tuple[str, str, str]] = set()
    raw: set[tuple[str, str, str]] = set()
    for table in current.tables:
        target = desired.table(table.schema, table.name)
        for column in table.columns:
            if column.collation != name:
                continue
            if target is not None and target.column(column.name) is not None:
                if column.generated is not None:
                    _refuse(name, f"generated column {column.name} of {table.schema}.{table.name}")
                uses.append(CollationColumnUse(TableKey(table.schema, table.name), column))
                kept.add((table.schema, table.name, quote_ident(column.name)))
                raw.add((table.schema, table.name, column.name))
    others = list(_other_uses(name, current, kept))
    others += [
        f"view {qualified(v.schema, v.name)} (reading a column of it)"
        for v in current.views
        if any((d.schema, d.name, c) in raw for d in v.depends_on for c in d.columns)
    ]
    if others:
        _refuse(name, ", ".join(others))
    return tuple(uses)


def _other_uses(name: str, current: Schema, columns: set[tuple[str, str, str]]) -> Iterator[str]:
    for index in current.indexes:
        for key in index.keys:
            if key.collation == name and (index.schema, index.table, key.expression) not in columns:
                yield f"index {qualified(index.schema, index.name)}"
    for view in current.views:
        if any(c.collation == name for c in view.columns):
            yield f"view {qualified(view.schema, view.name)}"
    for domain in current.domains:
        if domain.collation == name:
            yield f"domain {qualified(domain.schema, domain.name)}"
    for composite in current.composite_types:
        if any(a.collation == name for a in composite.attributes):
            yield f"type {qualified(composite.schema, composite.name)}"
    for range_type in current.range_types:
        if range_type.collation == name:
            yield f"type {qualified(range_type.schema, range_type.name)}"


def _refuse(name: str, users: str) -> None:
    raise PlanError(
        f"collation {name}: changing its definition recreates it, which {users} uses "
        "(PostgreSQL cannot drop a collation in use)",
        hint="create a collation under another name and move the columns to it, or drop "
        "what uses it in one revision and create it again in the next",
    )
