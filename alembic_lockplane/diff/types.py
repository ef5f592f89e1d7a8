"""Diff of composite types, range types and privileges.

A composite type is altered in place (``ALTER TYPE ... DROP / ADD / ALTER ATTRIBUTE``)
when that reaches the new attribute list, since ``ADD ATTRIBUTE`` appends, and the way
back does too; otherwise it is dropped and created again. PostgreSQL cannot alter a
range type at all, so any change of one is a drop and create. A column of a table the
plan keeps that uses the type makes a recreate impossible (PostgreSQL cannot drop a type
in use, nor change an attribute's type while a column stores it): the diff refuses those
(``PlanError``), and plans an in-place change whose way back is not in place (an
attribute dropped from the middle) without a rollback.

Privileges are compared as the catalog's differences from each object's default ACL
(``model/types.py``). An object the plan drops loses its privileges and one it creates
starts with the defaults, so those are taken back before the drop and granted after the
create even when they are the same on both sides.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import TypeVar

from alembic_lockplane.diff.changes import (
    AddColumn,
    Change,
    CreateDomain,
    CreateEnum,
    CreateFunction,
    CreateSchema,
    CreateSequence,
    CreateTable,
    CreateView,
    DropColumn,
    DropDomain,
    DropEnum,
    DropFunction,
    DropSchema,
    DropSequence,
    DropTable,
    DropView,
    RecreateEnum,
    RecreateFunction,
    ReplaceGeneratedColumn,
)
from alembic_lockplane.diff.changes_types import (
    AddPrivilege,
    AlterCompositeType,
    CommentType,
    CreateCompositeType,
    CreateRangeType,
    DropCompositeType,
    DropRangeType,
    RecreateCompositeType,
    RecreateRangeType,
    RemovePrivilege,
    SetOwner,
    attributes_in_place,
)
from alembic_lockplane.errors import PlanError
from alembic_lockplane.model.objects import Schema
from alembic_lockplane.model.types import CompositeType, Owner, Privilege, RangeType
from alembic_lockplane.render.quote import qualified

Target = tuple[str, str, str, str]
T = TypeVar("T", CompositeType, RangeType)


def type_users(schema: Schema, type_schema: str, type_name: str) -> list[str]:
    """``table.column`` of every column of ``schema`` whose type is the named type (or an
    array of it), as ``format_type`` prints it with ``search_path`` empty."""
    name = qualified(type_schema, type_name)
    return [
        f"{qualified(t.schema, t.name)}.{c.name}"
        for t in schema.tables
        for c in t.columns
        if c.type == name or c.type.startswith(name + "[")
    ]


def _kept_users(current: Schema, desired: Schema, schema: str, name: str) -> list[str]:
    """Columns using the type before the plan that the plan keeps with that type."""
    before = set(type_users(current, schema, name))
    return sorted(before & set(type_users(desired, schema, name)))


def _refuse(what: str, schema: str, name: str, users: list[str]) -> PlanError:
    return PlanError(
        f"type {qualified(schema, name)}: {what} while column {users[0]} uses it",
        hint="create a type under a new name, move the columns to it, then drop the old one",
    )


def _pairs(before: Iterable[T], after: Iterable[T]) -> Iterator[tuple[T | None, T | None]]:
    old = {t.key: t for t in before}
    new = {t.key: t for t in after}
    for key in sorted(old.keys() | new.keys()):
        yield old.get(key), new.get(key)


def _comments(old: CompositeType | RangeType, new: CompositeType | RangeType) -> list[Change]:
    bare = replace(new, comment=None)
    out: list[Change] = []
    if old.comment != new.comment:
        out.append(CommentType(bare, None, old.comment, new.comment))
    if isinstance(old, CompositeType) and isinstance(new, CompositeType):
        for attr in new.attributes:
            was = old.attribute(attr.name)
            if was is not None and was.comment != attr.comment:
                out.append(CommentType(bare, attr.name, was.comment, attr.comment))
    return out


def _alter_composite(
    old: CompositeType, new: CompositeType, current: Schema, desired: Schema
) -> list[Change]:
    # The attributes' own comments stay as they were: CommentType changes them.
    state = replace(
        new,
        comment=old.comment,
        attributes=tuple(
            replace(a, comment=was.comment) if (was := old.attribute(a.name)) else a
            for a in new.attributes
        ),
    )
    changes: list[Change] = []
    if state != old:
        users = _kept_users(current, desired, old.schema, old.name)
        if not attributes_in_place(old, new):
            if users:
                raise _refuse("reordering its attributes", old.schema, old.name, users)
            return [RecreateCompositeType(old, new)]
        if not users and not attributes_in_place(new, old):
            # Reversible only as a recreate: that is possible while nothing uses it.
            return [RecreateCompositeType(old, new)]
        retyped = [
            a.name
            for a in new.attributes
            if (was := old.attribute(a.name)) is not None
            and (was.type, was.collation) != (a.type, a.collation)
        ]
        if retyped and users:
            raise _refuse(
                f"changing the type of attribute {retyped[0]}", old.schema, old.name, users
            )
        changes.append(AlterCompositeType(old, state))
    return changes + _comments(old, new)


def diff_composite_types(current: Schema, desired: Schema) -> list[Change]:
    changes: list[Change] = []
    for old, new in _pairs(current.composite_types, desired.composite_types):
        if old == new:
            continue
        if old is None:
            assert new is not None
            changes.append(CreateCompositeType(new))
        elif new is None:
            changes.append(DropCompositeType(old))
        else:
            changes += _alter_composite(old, new, current, desired)
    return changes


def diff_range_types(current: Schema, desired: Schema) -> list[Change]:
    changes: list[Change] = []
    for old, new in _pairs(current.range_types, desired.range_types):
        if old == new:
            continue
        if old is None:
            assert new is not None
            changes.append(CreateRangeType(new))
        elif new is None:
            changes.append(DropRangeType(old))
        elif replace(old, comment=None) != replace(new, comment=None):
            users = _kept_users(current, desired, old.schema, old.name)
            if users:
                raise _refuse("changing a range type", old.schema, old.name, users)
            changes.append(RecreateRangeType(old, new))
        else:
            changes += _comments(old, new)
    return changes


def _targets(changes: list[Change]) -> tuple[set[tuple[Target, str]], set[tuple[Target, str]]]:
    """The objects (and columns, by name; ``""`` for the whole object) the changes drop
    and those they create, as ``Privilege.target`` spells them."""
    dropped: set[tuple[Target, str]] = set()
    created: set[tuple[Target, str]] = set()
    for change in changes:
        match change:
            case CreateSchema(new=ns):
                created.add((("schema", ns.name, ns.name, ""), ""))
            case DropSchema(old=ns):
                dropped.add((("schema", ns.name, ns.name, ""), ""))
            case CreateTable(new=t) | CreateView(new=t):
                created.add((("table", t.schema, t.name, ""), ""))
            case DropTable(old=t) | DropView(old=t):
                dropped.add((("table", t.schema, t.name, ""), ""))
            case CreateSequence(new=s):
                created.add((("sequence", s.schema, s.name, ""), ""))
            case DropSequence(old=s):
                dropped.add((("sequence", s.schema, s.name, ""), ""))
            case CreateFunction(new=f):
                created.add((("function", f.schema, f.name, f.identity), ""))
            case DropFunction(old=f):
                dropped.add((("function", f.schema, f.name, f.identity), ""))
            case RecreateFunction(old=f):
                created.add((("function", f.schema, f.name, f.identity), ""))
                dropped.add((("function", f.schema, f.name, f.identity), ""))
            case (
                CreateEnum(new=ty)
                | CreateDomain(new=ty)
                | CreateCompositeType(new=ty)
                | CreateRangeType(new=ty)
            ):
                created.add((("type", ty.schema, ty.name, ""), ""))
            case (
                DropEnum(old=ty)
                | DropDomain(old=ty)
                | DropCompositeType(old=ty)
                | DropRangeType(old=ty)
            ):
                dropped.add((("type", ty.schema, ty.name, ""), ""))
            case RecreateEnum(old=ty) | RecreateCompositeType(old=ty) | RecreateRangeType(old=ty):
                created.add((("type", ty.schema, ty.name, ""), ""))
                dropped.add((("type", ty.schema, ty.name, ""), ""))
            case AddColumn(table=key, new=col):
                created.add((("table", key.schema, key.name, ""), col.name))
            case DropColumn(table=key, old=col):
                dropped.add((("table", key.schema, key.name, ""), col.name))
            case ReplaceGeneratedColumn(table=key, old=col):
                created.add((("table", key.schema, key.name, ""), col.name))
                dropped.add((("table", key.schema, key.name, ""), col.name))
            case _:
                pass
    return dropped, created


def _touched(priv: Privilege, objects: set[tuple[Target, str]]) -> bool:
    target = priv.target
    return (target, "") in objects or (priv.column is not None and (target, priv.column) in objects)


def diff_owners(current: Schema, desired: Schema, changes: list[Change]) -> list[Change]:
    """Owners (read only when managed): set after an object is created, given back to the
    role running the plan before it is dropped."""
    dropped, created = _targets(changes)
    before = {o.key: o for o in current.owners}
    after = {o.key: o for o in desired.owners}
    out: list[Change] = []
    for key in sorted(before.keys() | after.keys()):
        old: Owner | None = before.get(key)
        new: Owner | None = after.get(key)
        gone = old is not None and (old.target, "") in dropped
        made = new is not None and (new.target, "") in created
        if gone or made:
            if old is not None and gone:
                out.append(SetOwner(old, None))
            if new is not None:
                out.append(SetOwner(None, new))
        elif old != new:
            out.append(SetOwner(old, new))
    return out


def diff_privileges(current: Schema, desired: Schema, changes: list[Change]) -> list[Change]:
    dropped, created = _targets(changes)
    before = {p.key: p for p in current.privileges}
    after = {p.key: p for p in desired.privileges}
    out: list[Change] = []
    for key in sorted(before.keys() | after.keys()):
        old, new = before.get(key), after.get(key)
        gone = old is not None and _touched(old, dropped)
        made = new is not None and _touched(new, created)
        if old is not None and (old != new or gone):
            out.append(RemovePrivilege(old))
        if new is not None and (old != new or gone or made):
            out.append(AddPrivilege(new))
    return out
