"""Changes to collations (``CREATE COLLATION``).

Shapes the diff guarantees (and the renderer relies on):

* A collation has no ``ALTER`` for its properties (only ``REFRESH VERSION``, ``RENAME``,
  ``OWNER`` and ``SET SCHEMA``), so any change of provider, locale, determinism or rules
  is a ``RecreateCollation``: the old one is renamed out of the way, the new one created,
  every column of a kept table using it moved to the new one (``uses``), the old one
  dropped; one step, since PostgreSQL cannot drop a collation in use. The diff refuses it
  when something else uses the collation (``diff/collations.py``).
* The comment of a kept collation is a ``SetComment`` (``CommentKind.COLLATION``); create
  and recreate set it with the collation.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from alembic_lockplane.diff.keys import TableKey
from alembic_lockplane.model.collations import Collation
from alembic_lockplane.model.objects import Column

if TYPE_CHECKING:
    from alembic_lockplane.diff.changes import Change


@dataclass(frozen=True)
class CollationColumnUse:
    """A column of a table kept by the plan whose collation is the recreated one."""

    table: TableKey
    column: Column


@dataclass(frozen=True)
class CreateCollation:
    new: Collation

    def reverse(self) -> Change:
        return DropCollation(self.new)


@dataclass(frozen=True)
class DropCollation:
    old: Collation

    def reverse(self) -> Change:
        return CreateCollation(self.old)


@dataclass(frozen=True)
class RecreateCollation:
    old: Collation
    new: Collation
    uses: tuple[CollationColumnUse, ...] = ()

    def reverse(self) -> Change:
        return RecreateCollation(self.new, self.old, self.uses)


CollationChange = CreateCollation | DropCollation | RecreateCollation
