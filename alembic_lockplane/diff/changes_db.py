"""Changes to database-level objects: schemas, extensions, enums, sequences, comments."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from alembic_lockplane.diff.keys import TableKey
from alembic_lockplane.model.objects import Column, EnumType, Extension, Namespace, Sequence

if TYPE_CHECKING:
    from alembic_lockplane.diff.changes import Change

# ---------------------------------------------------------------- schemas, extensions


@dataclass(frozen=True)
class CreateSchema:
    new: Namespace

    def reverse(self) -> Change:
        return DropSchema(self.new)


@dataclass(frozen=True)
class DropSchema:
    old: Namespace

    def reverse(self) -> Change:
        return CreateSchema(self.old)


@dataclass(frozen=True)
class CreateExtension:
    new: Extension

    def reverse(self) -> Change:
        return DropExtension(self.new)


@dataclass(frozen=True)
class DropExtension:
    old: Extension

    def reverse(self) -> Change:
        return CreateExtension(self.old)


@dataclass(frozen=True)
class AlterExtension:
    """Version (``UPDATE TO``) and/or schema (``SET SCHEMA``) of an installed extension."""

    old: Extension
    new: Extension

    def reverse(self) -> Change:
        return AlterExtension(self.new, self.old)


# ---------------------------------------------------------------- enums


@dataclass(frozen=True)
class EnumColumnUse:
    """A column whose type is the enum (or an array of it), as it is before the change.

    ``after`` is the column once the change is done, when that differs: a default the
    plan changes anyway is left off by the recreate (the old one may name a removed value)
    and set by the column's own later step.
    """

    table: TableKey
    column: Column
    after: Column | None = None

    def reversed(self) -> EnumColumnUse:
        if self.after is None:
            return self
        return EnumColumnUse(self.table, self.after, self.column)


@dataclass(frozen=True)
class CreateEnum:
    new: EnumType

    def reverse(self) -> Change:
        return DropEnum(self.new)


@dataclass(frozen=True)
class DropEnum:
    old: EnumType

    def reverse(self) -> Change:
        return CreateEnum(self.old)


@dataclass(frozen=True)
class AddEnumValue:
    """``ALTER TYPE ... ADD VALUE v BEFORE b | AFTER a``; exactly one of the two is set.

    PostgreSQL cannot remove an enum value, so the reverse is a ``RecreateEnum``, which
    needs the columns using the type (``uses``).
    """

    old: EnumType
    new: EnumType
    value: str
    before: str | None = None
    after: str | None = None
    uses: tuple[EnumColumnUse, ...] = ()

    def reverse(self) -> Change:
        return enum_change(self.new, self.old, tuple(u.reversed() for u in self.uses))


@dataclass(frozen=True)
class RecreateEnum:
    """Any enum change other than adding values: a new type, columns cast over, old dropped.

    Fails at run time if a stored value is no longer in the type; safety flags it.
    """

    old: EnumType
    new: EnumType
    uses: tuple[EnumColumnUse, ...] = ()

    def reverse(self) -> Change:
        return enum_change(self.new, self.old, tuple(u.reversed() for u in self.uses))


def enum_change(
    old: EnumType, new: EnumType, uses: tuple[EnumColumnUse, ...] = ()
) -> AddEnumValue | RecreateEnum:
    """The one change from ``old`` to ``new``: a single added value, else a recreate.

    A recreate that also changes column defaults (``EnumColumnUse.after``) stays one, in
    both directions, since ``ADD VALUE`` does not touch columns.
    """
    resets_defaults = any(u.after is not None for u in uses)
    if (
        len(new.values) == len(old.values) + 1
        and old.comment == new.comment
        and not resets_defaults
    ):
        for i, value in enumerate(new.values):
            if value in old.values:
                continue
            if new.values[:i] + new.values[i + 1 :] != old.values:
                break
            if i > 0:
                return AddEnumValue(old, new, value, after=new.values[i - 1], uses=uses)
            first = new.values[1] if len(new.values) > 1 else None
            return AddEnumValue(old, new, value, before=first, uses=uses)
    return RecreateEnum(old, new, uses)


# ---------------------------------------------------------------- sequences


@dataclass(frozen=True)
class CreateSequence:
    new: Sequence

    def reverse(self) -> Change:
        return DropSequence(self.new)


@dataclass(frozen=True)
class DropSequence:
    old: Sequence

    def reverse(self) -> Change:
        return CreateSequence(self.old)


@dataclass(frozen=True)
class AlterSequence:
    """Options (type, start, increment, bounds, cache, cycle); ``owned_by`` is not one."""

    old: Sequence
    new: Sequence

    def reverse(self) -> Change:
        return AlterSequence(self.new, self.old)


@dataclass(frozen=True)
class SetSequenceOwnedBy:
    """``ALTER SEQUENCE ... OWNED BY t.c | NONE``: ``old``/``new`` differ in ``owned_by``."""

    old: Sequence
    new: Sequence

    def reverse(self) -> Change:
        return SetSequenceOwnedBy(self.new, self.old)


# ---------------------------------------------------------------- comments


class CommentKind(StrEnum):
    SCHEMA = "schema"
    EXTENSION = "extension"
    TYPE = "type"
    SEQUENCE = "sequence"
    TABLE = "table"
    COLUMN = "column"
    CONSTRAINT = "constraint"
    INDEX = "index"
    POLICY = "policy"
    COLLATION = "collation"


@dataclass(frozen=True)
class CommentTarget:
    """What a comment is on. ``table`` is the owning table of a column, constraint or
    policy (in ``schema``); ``schema`` is empty for an extension, and equals ``name``
    for a schema."""

    kind: CommentKind
    schema: str
    name: str
    table: str | None = None


@dataclass(frozen=True)
class SetComment:
    """``COMMENT ON ... IS 'new'``, or ``IS NULL`` when ``new`` is ``None`` (unset)."""

    target: CommentTarget
    old: str | None
    new: str | None

    def reverse(self) -> Change:
        return SetComment(self.target, self.new, self.old)
