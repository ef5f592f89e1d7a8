"""Diff of enum types: values added in place, or the type recreated.

PostgreSQL can add a value at any position (``ADD VALUE ... BEFORE/AFTER``) but never
remove, rename or reorder one; those recreate the type and cast every column using it
(see ``render/enums.py``). A column default that the plan changes anyway is left off by
the recreate, because the old default may name a value the new type no longer has; the
column's own ``SetDefault`` step sets the new one afterwards.
"""

from __future__ import annotations

import re
from dataclasses import replace

from alembic_lockplane.diff.changes import (
    AddEnumValue,
    Change,
    CommentKind,
    CommentTarget,
    CreateEnum,
    DropEnum,
    EnumColumnUse,
    RecreateEnum,
    SetComment,
    TableKey,
)
from alembic_lockplane.errors import PlanError
from alembic_lockplane.model.objects import EnumType, Schema
from alembic_lockplane.render.quote import qualified


def diff_enum(
    old: EnumType | None, new: EnumType | None, current: Schema, desired: Schema
) -> list[Change]:
    if old is None:
        assert new is not None
        return [CreateEnum(new)]
    if new is None:
        return [DropEnum(old)]
    changes: list[Change] = []
    if old.values != new.values:
        target = replace(new, comment=old.comment)
        if _only_additions(old, new):
            changes += _additions(old, target, _uses(old, current, desired, recreate=False))
        else:
            _refuse_recreate_under_signatures(old, current)
            changes.append(RecreateEnum(old, target, _uses(old, current, desired, recreate=True)))
    if old.comment != new.comment:
        where = CommentTarget(CommentKind.TYPE, old.schema, old.name)
        changes.append(SetComment(where, old.comment, new.comment))
    return changes


def _refuse_recreate_under_signatures(enum: EnumType, current: Schema) -> None:
    """A recreate renames the old type away and drops it; a function argument or result,
    or a domain, typed with it would hold on to the old type and the drop fails. Say so
    at planning instead of failing half-way through the plan."""
    name = qualified(enum.schema, enum.name)
    pattern = re.compile(rf"(?<![\w\".]){re.escape(name)}(?![\w\"])")
    users = [
        f"function {qualified(f.schema, f.name)}({f.arguments})"
        for f in current.functions
        if pattern.search(f"{f.identity} {f.argument_list} {f.result or ''}")
    ]
    users += [
        f"domain {qualified(d.schema, d.name)}"
        for d in current.domains
        if pattern.fullmatch(d.base_type.removesuffix("[]"))
    ]
    if users:
        raise PlanError(
            f"enum {name}: removing, renaming or reordering its values recreates the type, "
            f"which {', '.join(users)} uses",
            hint="only add values to this enum, or drop what uses it in one revision, change "
            "the enum in the next and create them again",
        )


def _only_additions(old: EnumType, new: EnumType) -> bool:
    """Whether ``old``'s values appear in ``new`` in the same order."""
    remaining = iter(new.values)
    return all(any(v == w for w in remaining) for v in old.values)


def _additions(old: EnumType, new: EnumType, uses: tuple[EnumColumnUse, ...]) -> list[Change]:
    """One ``ADD VALUE`` per new value, each placed next to a value that exists by then."""
    changes: list[Change] = []
    state = old
    for i, value in enumerate(new.values):
        if value in old.values:
            continue
        grown = replace(state, values=tuple(v for v in new.values if v in (*state.values, value)))
        if i > 0:
            changes.append(AddEnumValue(state, grown, value, after=new.values[i - 1], uses=uses))
        else:  # first in the type: before the current first value, if there is one
            first = state.values[0] if state.values else None
            changes.append(AddEnumValue(state, grown, value, before=first, uses=uses))
        state = grown
    return changes


def _uses(
    enum: EnumType, current: Schema, desired: Schema, *, recreate: bool
) -> tuple[EnumColumnUse, ...]:
    """Columns typed with the enum before the plan that still exist when it changes:
    dropped columns and tables are gone by then (drops come first)."""
    name = qualified(enum.schema, enum.name)
    uses: list[EnumColumnUse] = []
    for table in current.tables:
        target = desired.table(table.schema, table.name)
        if target is None:
            continue
        for column in table.columns:
            kept = target.column(column.name)
            if (
                column.type not in (name, name + "[]")
                or kept is None
                or kept.generated != column.generated
            ):
                continue
            after = None
            if recreate and column.default is not None and kept.default != column.default:
                after = replace(column, default=None)
            uses.append(EnumColumnUse(TableKey(table.schema, table.name), column, after))
    return tuple(uses)


def defaults_cleared_by_recreate(current: Schema, desired: Schema) -> set[tuple[str, str, str]]:
    """``(schema, table, column)`` of the columns whose default a recreate leaves off."""
    out: set[tuple[str, str, str]] = set()
    for enum in current.enums:
        new = next((e for e in desired.enums if e.key == enum.key), None)
        if new is None or new.values == enum.values or _only_additions(enum, new):
            continue
        for use in _uses(enum, current, desired, recreate=True):
            if use.after is not None:
                out.add((use.table.schema, use.table.name, use.column.name))
    return out


def columns_recast_by_recreate(current: Schema, desired: Schema) -> set[tuple[str, str, str]]:
    """``(schema, table, column)`` of the columns a recreated enum casts over. A check,
    index expression or policy comparing one to a value of the old type cannot survive the
    cast (no operator between the old and the new type), so they are rebuilt around it."""
    out: set[tuple[str, str, str]] = set()
    for enum in current.enums:
        new = next((e for e in desired.enums if e.key == enum.key), None)
        if new is None or new.values == enum.values or _only_additions(enum, new):
            continue
        for use in _uses(enum, current, desired, recreate=True):
            out.add((use.table.schema, use.table.name, use.column.name))
    return out
