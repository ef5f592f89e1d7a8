"""Catalog rows -> composite types, range types and privileges (queries
``composite_types.sql``, ``range_types.sql``, ``privileges.sql``, ``owners.sql``)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from alembic_lockplane.model.types import (
    CompositeAttribute,
    CompositeType,
    OwnedKind,
    Owner,
    Privilege,
    PrivilegeKind,
    RangeType,
)

Row = tuple[Any, ...]


def composite_types(rows: Iterable[Row]) -> list[CompositeType]:
    return [
        CompositeType(
            schema=schema,
            name=name,
            attributes=tuple(CompositeAttribute(n, t, c, d) for n, t, c, d in attributes),
            comment=comment,
        )
        for schema, name, attributes, comment in rows
    ]


def range_types(rows: Iterable[Row]) -> list[RangeType]:
    return [
        RangeType(
            schema=schema,
            name=name,
            subtype=subtype,
            subtype_opclass=opclass,
            collation=collation,
            canonical=canonical,
            subtype_diff=subtype_diff,
            multirange=multirange,
            comment=comment,
        )
        for (
            schema,
            name,
            subtype,
            opclass,
            collation,
            canonical,
            subtype_diff,
            multirange,
            comment,
        ) in rows
    ]


def privileges(rows: Iterable[Row]) -> list[Privilege]:
    """One ``Privilege`` per key; an entry granted by several grantors is grantable when
    any of them gave the grant option."""
    found: dict[tuple[str, ...], Privilege] = {}
    for kind, schema, name, args, column, grantee, privilege, grantable, revoked in rows:
        item = Privilege(
            kind=PrivilegeKind(kind),
            schema=schema,
            name=name,
            grantee=grantee,
            privilege=privilege,
            arguments=args,
            column=column,
            grantable=grantable,
            revoked=revoked,
        )
        seen = found.get(item.key)
        if seen is None or (item.grantable and not seen.grantable):
            found[item.key] = item
    return list(found.values())


def owners(rows: Iterable[Row]) -> list[Owner]:
    return [
        Owner(kind=OwnedKind(kind), schema=schema, name=name, role=role, arguments=args)
        for kind, schema, name, args, role in rows
    ]
