"""Changes to constraints, indexes and policies."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from alembic_lockplane.diff.keys import TableKey
from alembic_lockplane.model.objects import Constraint, Index, Policy

if TYPE_CHECKING:
    from alembic_lockplane.diff.changes import Change

# ---------------------------------------------------------------- constraints, indexes


@dataclass(frozen=True)
class AddConstraint:
    """Any constraint kind; rendered ``NOT VALID`` when ``new.validated`` is false."""

    table: TableKey
    new: Constraint

    def reverse(self) -> Change:
        return DropConstraint(self.table, self.new)


@dataclass(frozen=True)
class DropConstraint:
    table: TableKey
    old: Constraint

    def reverse(self) -> Change:
        return AddConstraint(self.table, self.old)


@dataclass(frozen=True)
class ValidateConstraint:
    """A ``NOT VALID`` constraint (``old``) becomes validated (``new``)."""

    table: TableKey
    old: Constraint
    new: Constraint

    def reverse(self) -> Change:
        return InvalidateConstraint(self.table, self.new, self.old)


@dataclass(frozen=True)
class InvalidateConstraint:
    """A validated constraint becomes ``NOT VALID``: PostgreSQL has no direct way, so
    the constraint is dropped and added again ``NOT VALID``."""

    table: TableKey
    old: Constraint
    new: Constraint

    def reverse(self) -> Change:
        return ValidateConstraint(self.table, self.new, self.old)


@dataclass(frozen=True)
class CreateIndex:
    new: Index

    @property
    def table(self) -> TableKey:
        return TableKey(self.new.schema, self.new.table)

    def reverse(self) -> Change:
        return DropIndex(self.new)


@dataclass(frozen=True)
class DropIndex:
    old: Index

    @property
    def table(self) -> TableKey:
        return TableKey(self.old.schema, self.old.table)

    def reverse(self) -> Change:
        return CreateIndex(self.old)


# ---------------------------------------------------------------- policies


@dataclass(frozen=True)
class CreatePolicy:
    table: TableKey
    new: Policy

    def reverse(self) -> Change:
        return DropPolicy(self.table, self.new)


@dataclass(frozen=True)
class DropPolicy:
    table: TableKey
    old: Policy

    def reverse(self) -> Change:
        return CreatePolicy(self.table, self.old)


@dataclass(frozen=True)
class AlterPolicy:
    """Roles, USING and WITH CHECK; a changed command or permissiveness is drop + create."""

    table: TableKey
    old: Policy
    new: Policy

    def reverse(self) -> Change:
        return AlterPolicy(self.table, self.new, self.old)
