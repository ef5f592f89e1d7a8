"""Changes to views, materialized views, functions, procedures, triggers and domains.

Shapes the diff guarantees (and the renderer relies on):

* ``ReplaceView`` only where ``CREATE OR REPLACE VIEW`` works both ways: two plain views
  with the same output columns (names, types, collations, in order). Anything else is a
  ``DropView`` + ``CreateView``, with the views that depend on it dropped before and
  created after (``diff/views.py``).
* ``ReplaceFunction`` only where ``CREATE OR REPLACE`` works both ways: same kind, result
  and argument list (names, modes, defaults); ``RecreateFunction`` (drop + create in one
  step) when the identity stays and any of those changes.
* ``CreateView`` of a materialized view creates its indexes too; ``DropView`` drops them
  with it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from alembic_lockplane.model.objects import Domain, Function, Trigger, View

if TYPE_CHECKING:
    from alembic_lockplane.diff.changes import Change


@dataclass(frozen=True)
class CreateView:
    new: View

    def reverse(self) -> Change:
        return DropView(self.new)


@dataclass(frozen=True)
class DropView:
    old: View

    def reverse(self) -> Change:
        return CreateView(self.old)


@dataclass(frozen=True)
class ReplaceView:
    """``CREATE OR REPLACE VIEW``: same output columns, another query or options."""

    old: View
    new: View

    def reverse(self) -> Change:
        return ReplaceView(self.new, self.old)


@dataclass(frozen=True)
class CreateFunction:
    new: Function

    def reverse(self) -> Change:
        return DropFunction(self.new)


@dataclass(frozen=True)
class DropFunction:
    old: Function

    def reverse(self) -> Change:
        return CreateFunction(self.old)


@dataclass(frozen=True)
class ReplaceFunction:
    """``CREATE OR REPLACE``: another body or attributes, same signature and result."""

    old: Function
    new: Function

    def reverse(self) -> Change:
        return ReplaceFunction(self.new, self.old)


@dataclass(frozen=True)
class RecreateFunction:
    """``DROP`` + ``CREATE`` in one step: the result type, the argument names, modes or
    defaults, or function/procedure changed, which ``CREATE OR REPLACE`` refuses."""

    old: Function
    new: Function

    def reverse(self) -> Change:
        return RecreateFunction(self.new, self.old)


@dataclass(frozen=True)
class CreateTrigger:
    new: Trigger

    def reverse(self) -> Change:
        return DropTrigger(self.new)


@dataclass(frozen=True)
class DropTrigger:
    old: Trigger

    def reverse(self) -> Change:
        return CreateTrigger(self.old)


@dataclass(frozen=True)
class CreateDomain:
    new: Domain

    def reverse(self) -> Change:
        return DropDomain(self.new)


@dataclass(frozen=True)
class DropDomain:
    old: Domain

    def reverse(self) -> Change:
        return CreateDomain(self.old)


@dataclass(frozen=True)
class AlterDomain:
    """Default, ``NOT NULL`` and ``CHECK`` constraints of a domain (same base type and
    collation; comments are ``CommentObject``)."""

    old: Domain
    new: Domain

    def reverse(self) -> Change:
        return AlterDomain(self.new, self.old)


Commentable = View | Function | Trigger | Domain


@dataclass(frozen=True)
class CommentObject:
    """``COMMENT ON`` a view, function, trigger or domain; ``obj`` names the object."""

    obj: Commentable
    old: str | None
    new: str | None

    def reverse(self) -> Change:
        return CommentObject(self.obj, self.new, self.old)
