"""Changes to table and column storage settings (docs/objects.md): storage parameters
(``SET`` / ``RESET``), ``SET LOGGED`` / ``UNLOGGED``, ``REPLICA IDENTITY``, and a column's
``STORAGE``, ``COMPRESSION`` and ``STATISTICS``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from alembic_lockplane.diff.keys import TableKey
from alembic_lockplane.model.objects import Column

if TYPE_CHECKING:
    from alembic_lockplane.diff.changes import Change


@dataclass(frozen=True)
class SetTableOptions:
    """``ALTER TABLE ... SET (k = v, ...) / RESET (k, ...)`` from ``old`` to ``new`` (sorted
    ``key=value`` texts); ``toast`` for the TOAST table's options (``toast.k``)."""

    table: TableKey
    old: tuple[str, ...]
    new: tuple[str, ...]
    toast: bool = False

    def reverse(self) -> Change:
        return SetTableOptions(self.table, self.new, self.old, self.toast)


@dataclass(frozen=True)
class SetLogged:
    """``ALTER TABLE ... SET UNLOGGED`` (``unlogged``) or ``SET LOGGED``: rewrites the table."""

    table: TableKey
    unlogged: bool

    def reverse(self) -> Change:
        return SetLogged(self.table, not self.unlogged)


@dataclass(frozen=True)
class SetReplicaIdentity:
    """``REPLICA IDENTITY``: ``kind`` is ``None`` (``DEFAULT``), ``FULL``, ``NOTHING`` or
    ``INDEX`` (with ``index``), before (``old_*``) and after (``new_*``)."""

    table: TableKey
    old_kind: str | None
    old_index: str | None
    new_kind: str | None
    new_index: str | None

    def reverse(self) -> Change:
        return SetReplicaIdentity(
            self.table, self.new_kind, self.new_index, self.old_kind, self.old_index
        )


@dataclass(frozen=True)
class AlterColumnStorage:
    """A column's ``STORAGE``, ``COMPRESSION`` and ``STATISTICS`` from ``old`` to ``new``
    (the same column otherwise)."""

    table: TableKey
    old: Column
    new: Column

    def reverse(self) -> Change:
        return AlterColumnStorage(self.table, self.new, self.old)


StorageChange = SetTableOptions | SetLogged | SetReplicaIdentity | AlterColumnStorage
