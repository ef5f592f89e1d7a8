"""Composite types, range types, privileges and owners (docs/objects.md).

Kept apart from ``objects.py``, which imports these classes at its end so that the
``Schema`` fields naming them resolve. Like every model object, their text fields hold
the server's own rendering with ``search_path`` empty (``format_type``), so user types
are schema-qualified.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from alembic_lockplane.model.objects import Origin


@dataclass(frozen=True)
class CompositeAttribute:
    """An attribute of a composite type, in position order."""

    name: str
    type: str
    collation: str | None = None
    comment: str | None = None


@dataclass(frozen=True)
class CompositeType:
    """``CREATE TYPE name AS (attribute type, ...)``."""

    schema: str
    name: str
    attributes: tuple[CompositeAttribute, ...] = ()
    comment: str | None = None
    origin: Origin | None = field(default=None, compare=False, repr=False)

    @property
    def key(self) -> tuple[str, str, str]:
        return ("type", self.schema, self.name)

    def attribute(self, name: str) -> CompositeAttribute | None:
        return next((a for a in self.attributes if a.name == name), None)


@dataclass(frozen=True)
class RangeType:
    """``CREATE TYPE name AS RANGE (subtype = ..., ...)``.

    ``subtype_opclass`` and ``collation`` are kept only when they are not the subtype's
    defaults, ``subtype_diff`` and ``canonical`` are functions (schema-qualified when they
    are not in ``pg_catalog``), and ``multirange`` only when it is not the name PostgreSQL
    14+ derives from the range's own name, so that the same declaration compares equal on
    every supported server. The constructor functions and the multirange type PostgreSQL
    creates with the range belong to it and are not model objects of their own.
    """

    schema: str
    name: str
    subtype: str
    subtype_opclass: str | None = None
    collation: str | None = None
    canonical: str | None = None
    subtype_diff: str | None = None
    multirange: str | None = None
    comment: str | None = None
    origin: Origin | None = field(default=None, compare=False, repr=False)

    @property
    def key(self) -> tuple[str, str, str]:
        return ("type", self.schema, self.name)


class PrivilegeKind(StrEnum):
    """The object kinds privileges are read for (``Privilege.kind``)."""

    SCHEMA = "schema"
    TABLE = "table"  # tables, views and materialized views
    SEQUENCE = "sequence"
    FUNCTION = "function"  # functions and procedures (``GRANT ... ON ROUTINE``)
    TYPE = "type"  # enums, composite and range types, domains


@dataclass(frozen=True)
class Privilege:
    """One difference between an object's ACL and its kind's default ACL.

    An object whose ACL was never touched has the owner's defaults (``acldefault``): it
    has no ``Privilege``. A grant to another role (or ``PUBLIC``) beyond the defaults is a
    ``Privilege`` with ``revoked=False``; a default privilege that was revoked (e.g.
    ``EXECUTE`` on a function from ``PUBLIC``) is one with ``revoked=True``. The owner's
    own privileges and the grantor are not compared. ``name`` is the object's name (for
    a function, its name; ``arguments`` holds its argument types), ``column`` is set for
    a column privilege, and ``grantee`` is a role name or ``PUBLIC``.
    """

    kind: PrivilegeKind
    schema: str
    name: str
    grantee: str
    privilege: str
    arguments: str | None = None
    column: str | None = None
    grantable: bool = False
    revoked: bool = False
    origin: Origin | None = field(default=None, compare=False, repr=False)

    @property
    def key(self) -> tuple[str, ...]:
        return (
            "privilege",
            self.schema,
            self.kind.value,
            self.name,
            self.arguments or "",
            self.column or "",
            self.grantee,
            self.privilege,
        )

    @property
    def target(self) -> tuple[str, str, str, str]:
        """The object the privilege is on: kind, schema, name, arguments."""
        return (self.kind.value, self.schema, self.name, self.arguments or "")


class OwnedKind(StrEnum):
    """The object kinds whose owner is compared when owners are managed (``Owner.kind``),
    each named as its ``ALTER ... OWNER TO`` statement names it."""

    SCHEMA = "schema"
    TABLE = "table"
    VIEW = "view"
    MATERIALIZED_VIEW = "materialized_view"
    SEQUENCE = "sequence"
    FUNCTION = "function"  # functions and procedures (``ALTER ROUTINE``)
    TYPE = "type"  # enums, composite and range types
    DOMAIN = "domain"


@dataclass(frozen=True)
class Owner:
    """The owner of an object that the role reading the catalog does not own.

    Read only when owners are managed (``manage_owners``): an object owned by the role
    that introspects (the one that runs the plan, or loads the desired schema on the
    shadow) has no ``Owner``, so only ``OWNER TO`` statements someone wrote differ.
    """

    kind: OwnedKind
    schema: str
    name: str
    role: str
    arguments: str | None = None
    origin: Origin | None = field(default=None, compare=False, repr=False)

    @property
    def key(self) -> tuple[str, ...]:
        return ("owner", self.schema, self.kind.value, self.name, self.arguments or "")

    @property
    def target(self) -> tuple[str, str, str, str]:
        """The object, spelled as ``Privilege.target`` spells it."""
        kind = {
            OwnedKind.VIEW: "table",
            OwnedKind.MATERIALIZED_VIEW: "table",
            OwnedKind.DOMAIN: "type",
        }.get(self.kind, self.kind.value)
        return (kind, self.schema, self.name, self.arguments or "")
