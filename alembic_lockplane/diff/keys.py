"""Keys shared by the change modules."""

from __future__ import annotations

from typing import NamedTuple


class TableKey(NamedTuple):
    """``(schema, name)`` of a table; a plain tuple, so ``Schema.table(*key)`` works."""

    schema: str
    name: str
