"""What the connected server's catalogs offer, decided once from its version.

Catalog columns come and go between PostgreSQL majors; this is the only place that compares
version numbers (psycopg's habit), so queries ask "does the server have X?" instead of
scattering ``>= 150000`` checks. The flags are the names the query templates use.
"""

from __future__ import annotations

from dataclasses import dataclass

from alembic_lockplane.errors import LockplaneError

MINIMUM_VERSION = 130000


@dataclass(frozen=True)
class Capabilities:
    """Catalog features of one server, from ``server_version_num`` (e.g. 150004)."""

    server_version: int

    def __post_init__(self) -> None:
        if self.server_version < MINIMUM_VERSION:
            major = self.server_version // 10000
            raise LockplaneError(
                f"PostgreSQL {major} is not supported",
                hint="alembic-lockplane works with PostgreSQL 13 and newer",
            )

    @property
    def nulls_not_distinct(self) -> bool:
        """``pg_index.indnullsnotdistinct`` (UNIQUE NULLS NOT DISTINCT) exists from 15."""
        return self.server_version >= 150000

    @property
    def multirange(self) -> bool:
        """Range types get a multirange type (``pg_range.rngmultitypid``) from 14."""
        return self.server_version >= 140000

    @property
    def public_create_revoked(self) -> bool:
        """From 15, ``PUBLIC`` no longer has ``CREATE`` on the public schema by default."""
        return self.server_version >= 150000

    @property
    def column_compression(self) -> bool:
        """``pg_attribute.attcompression`` (``COMPRESSION pglz / lz4``) exists from 14."""
        return self.server_version >= 140000

    def flags(self) -> dict[str, bool]:
        """Every flag by name, as the query templates refer to them."""
        return {
            "nulls_not_distinct": self.nulls_not_distinct,
            "multirange": self.multirange,
            "public_create_revoked": self.public_create_revoked,
            "column_compression": self.column_compression,
        }
