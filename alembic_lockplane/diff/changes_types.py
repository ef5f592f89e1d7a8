"""Changes to composite types, range types and privileges.

Shapes the diff guarantees (and the renderer relies on):

* ``AlterCompositeType`` only where ``ALTER TYPE ... DROP / ADD / ALTER ATTRIBUTE``
  reaches the new attribute list: the kept attributes stay in their order and the added
  ones come last. Otherwise, and for any change of a range type, the type is recreated
  (``RecreateCompositeType`` / ``RecreateRangeType``: drop + create in one step), which
  the diff refuses while a column of a kept table uses the type.
* The comment of the type is a ``CommentType`` with ``attribute=None``; the comment of a
  kept attribute one with the attribute's name. Create and recreate restore every comment.
* ``AddPrivilege`` / ``RemovePrivilege`` apply or take back one ``Privilege`` (a grant
  beyond the defaults, or a default privilege revoked). Before an object is dropped its
  privileges are removed, and after it is created they are added, so that the rollback
  of a drop restores them too. ``SetOwner`` (only when owners are managed) works the
  same way, and runs after the grants (before the revokes) so that the role running the
  plan still owns the object while it grants.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from alembic_lockplane.model.types import CompositeType, Owner, Privilege, RangeType

if TYPE_CHECKING:
    from alembic_lockplane.diff.changes import Change


@dataclass(frozen=True)
class CreateCompositeType:
    new: CompositeType

    def reverse(self) -> Change:
        return DropCompositeType(self.new)


@dataclass(frozen=True)
class DropCompositeType:
    old: CompositeType

    def reverse(self) -> Change:
        return CreateCompositeType(self.old)


def attributes_in_place(old: CompositeType, new: CompositeType) -> bool:
    """Whether dropping attributes, then appending the new ones, gives ``new``'s order
    (``ADD ATTRIBUTE`` can only append)."""
    new_names = [a.name for a in new.attributes]
    kept = [a.name for a in old.attributes if a.name in new_names]
    added = [n for n in new_names if old.attribute(n) is None]
    return kept + added == new_names


@dataclass(frozen=True)
class AlterCompositeType:
    """Attributes dropped, added at the end, or given another type or collation.

    ``reversible`` is false when the way back would have to put an attribute back in
    the middle (one dropped from the middle of a type a column uses): the rollback would
    append it, so the plan has no honest rollback for this step.
    """

    old: CompositeType
    new: CompositeType

    @property
    def reversible(self) -> bool:
        return attributes_in_place(self.new, self.old)

    def reverse(self) -> Change:
        return AlterCompositeType(self.new, self.old)


@dataclass(frozen=True)
class RecreateCompositeType:
    """``DROP TYPE`` + ``CREATE TYPE`` in one step: attributes reordered or inserted."""

    old: CompositeType
    new: CompositeType

    def reverse(self) -> Change:
        return RecreateCompositeType(self.new, self.old)


@dataclass(frozen=True)
class CreateRangeType:
    new: RangeType

    def reverse(self) -> Change:
        return DropRangeType(self.new)


@dataclass(frozen=True)
class DropRangeType:
    old: RangeType

    def reverse(self) -> Change:
        return CreateRangeType(self.old)


@dataclass(frozen=True)
class RecreateRangeType:
    """``DROP TYPE`` + ``CREATE TYPE`` in one step: PostgreSQL cannot alter a range."""

    old: RangeType
    new: RangeType

    def reverse(self) -> Change:
        return RecreateRangeType(self.new, self.old)


@dataclass(frozen=True)
class CommentType:
    """``COMMENT ON TYPE`` (``attribute=None``) or ``COMMENT ON COLUMN type.attribute``."""

    obj: CompositeType | RangeType
    attribute: str | None
    old: str | None
    new: str | None

    def reverse(self) -> Change:
        return CommentType(self.obj, self.attribute, self.new, self.old)


@dataclass(frozen=True)
class AddPrivilege:
    """``GRANT`` (or, for a revoked default privilege, ``REVOKE``)."""

    new: Privilege

    def reverse(self) -> Change:
        return RemovePrivilege(self.new)


@dataclass(frozen=True)
class RemovePrivilege:
    """``REVOKE`` (or, for a revoked default privilege, ``GRANT`` it back)."""

    old: Privilege

    def reverse(self) -> Change:
        return AddPrivilege(self.old)


@dataclass(frozen=True)
class SetOwner:
    """``ALTER ... OWNER TO``: ``None`` on a side is the role that runs the plan, which
    owns what it creates (rendered ``OWNER TO CURRENT_USER``). At least one side is set;
    both name the same object."""

    old: Owner | None
    new: Owner | None

    @property
    def obj(self) -> Owner:
        found = self.new or self.old
        assert found is not None
        return found

    def reverse(self) -> Change:
        return SetOwner(self.new, self.old)


TypeChange = (
    CreateCompositeType
    | DropCompositeType
    | AlterCompositeType
    | RecreateCompositeType
    | CreateRangeType
    | DropRangeType
    | RecreateRangeType
    | CommentType
    | AddPrivilege
    | RemovePrivilege
    | SetOwner
)
TYPE_CHANGES: tuple[type, ...] = TypeChange.__args__
