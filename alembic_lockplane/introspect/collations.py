"""Catalog rows -> collations (query ``collations.sql``)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from alembic_lockplane.model.collations import Collation

Row = tuple[Any, ...]


def collations(rows: Iterable[Row]) -> list[Collation]:
    out: list[Collation] = []
    for schema, name, provider, locale, lc_collate, lc_ctype, deterministic, rules, comment in rows:
        if provider != "libc":
            # PostgreSQL 13/14 keep an ICU locale in collcollate/collctype; 15+ in a column
            # of its own (and leave collcollate/collctype empty).
            locale = locale or lc_collate
            lc_collate = lc_ctype = None
        else:
            locale = None
        out.append(
            Collation(
                schema=schema,
                name=name,
                provider=provider,
                locale=locale,
                lc_collate=lc_collate,
                lc_ctype=lc_ctype,
                deterministic=deterministic,
                rules=rules,
                comment=comment,
            )
        )
    return out
