"""Changes to tables and their columns."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from alembic_lockplane.diff.casts import needs_using
from alembic_lockplane.diff.keys import TableKey
from alembic_lockplane.model.objects import Column, Table

if TYPE_CHECKING:
    from alembic_lockplane.diff.changes import Change

# ---------------------------------------------------------------- tables


@dataclass(frozen=True)
class CreateTable:
    """Columns, non-FK constraints, RLS flags and comments in one step."""

    new: Table

    @property
    def table(self) -> TableKey:
        return TableKey(self.new.schema, self.new.name)

    def reverse(self) -> Change:
        return DropTable(self.new)


@dataclass(frozen=True)
class DropTable:
    old: Table

    @property
    def table(self) -> TableKey:
        return TableKey(self.old.schema, self.old.name)

    def reverse(self) -> Change:
        return CreateTable(self.old)


@dataclass(frozen=True)
class EnableRowLevelSecurity:
    table: TableKey

    def reverse(self) -> Change:
        return DisableRowLevelSecurity(self.table)


@dataclass(frozen=True)
class DisableRowLevelSecurity:
    table: TableKey

    def reverse(self) -> Change:
        return EnableRowLevelSecurity(self.table)


@dataclass(frozen=True)
class ForceRowLevelSecurity:
    table: TableKey

    def reverse(self) -> Change:
        return NoForceRowLevelSecurity(self.table)


@dataclass(frozen=True)
class NoForceRowLevelSecurity:
    table: TableKey

    def reverse(self) -> Change:
        return ForceRowLevelSecurity(self.table)


# ---------------------------------------------------------------- columns


@dataclass(frozen=True)
class AddColumn:
    """A column with its type, collation, default, NOT NULL, identity or generation."""

    table: TableKey
    new: Column

    def reverse(self) -> Change:
        return DropColumn(self.table, self.new)


@dataclass(frozen=True)
class DropColumn:
    table: TableKey
    old: Column

    def reverse(self) -> Change:
        return AddColumn(self.table, self.old)


@dataclass(frozen=True)
class AlterColumnType:
    """New type (and collation, if it changed too); the default is re-set after the cast.

    ``using`` is true when the values need an explicit cast (``USING col::type``).
    """

    table: TableKey
    old: Column
    new: Column
    using: bool = False

    def reverse(self) -> Change:
        return AlterColumnType(
            self.table, self.new, self.old, needs_using(self.new.type, self.old.type)
        )


@dataclass(frozen=True)
class AlterColumnCollation:
    """Only the collation changes (``ALTER COLUMN ... TYPE same COLLATE c``)."""

    table: TableKey
    old: Column
    new: Column

    def reverse(self) -> Change:
        return AlterColumnCollation(self.table, self.new, self.old)


@dataclass(frozen=True)
class SetNotNull:
    table: TableKey
    old: Column
    new: Column

    def reverse(self) -> Change:
        return DropNotNull(self.table, self.new, self.old)


@dataclass(frozen=True)
class DropNotNull:
    table: TableKey
    old: Column
    new: Column

    def reverse(self) -> Change:
        return SetNotNull(self.table, self.new, self.old)


@dataclass(frozen=True)
class SetDefault:
    """``new.default`` is set; ``old.default`` may be another expression or none."""

    table: TableKey
    old: Column
    new: Column

    def reverse(self) -> Change:
        if self.old.default is None:
            return DropDefault(self.table, self.new, self.old)
        return SetDefault(self.table, self.new, self.old)


@dataclass(frozen=True)
class DropDefault:
    table: TableKey
    old: Column
    new: Column

    def reverse(self) -> Change:
        return SetDefault(self.table, self.new, self.old)


@dataclass(frozen=True)
class AddIdentity:
    table: TableKey
    old: Column
    new: Column

    def reverse(self) -> Change:
        return DropIdentity(self.table, self.new, self.old)


@dataclass(frozen=True)
class DropIdentity:
    table: TableKey
    old: Column
    new: Column

    def reverse(self) -> Change:
        return AddIdentity(self.table, self.new, self.old)


@dataclass(frozen=True)
class AlterIdentity:
    """ALWAYS / BY DEFAULT and the identity sequence's options."""

    table: TableKey
    old: Column
    new: Column

    def reverse(self) -> Change:
        return AlterIdentity(self.table, self.new, self.old)


@dataclass(frozen=True)
class ReplaceGeneratedColumn:
    """The generation expression changes (or appears/disappears): drop and add the column.

    Stored generated values are recomputed; a plain column turned generated loses its
    data, and one that stops being generated comes back empty.
    """

    table: TableKey
    old: Column
    new: Column

    def reverse(self) -> Change:
        return ReplaceGeneratedColumn(self.table, self.new, self.old)
