"""The live schema as seen through the connection Alembic is migrating with.

The upgrade guard must see the effects of earlier revisions in the same ``alembic upgrade``
transaction, so it introspects over Alembic's own connection, never a second one.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import psycopg2.extensions

from alembic_lockplane.errors import ConfigError
from alembic_lockplane.model.objects import Schema
from alembic_lockplane.model.serde import canonical_hash


def dbapi_connection(sa_connection: Any) -> psycopg2.extensions.connection:
    """The psycopg2 connection under a SQLAlchemy ``Connection``."""
    raw = sa_connection.connection.dbapi_connection
    if not isinstance(raw, psycopg2.extensions.connection):
        raise ConfigError(
            f"alembic-lockplane reads the schema through psycopg2, but env.py connects with "
            f"{type(raw).__module__}",
            hint="use a postgresql:// or postgresql+psycopg2:// URL, or set guard = off",
        )
    return raw


def live_schema(
    context: Any,
    schemas: Sequence[str] | None,
    *,
    owners: bool = False,
    privileges: bool = True,
) -> Schema:
    """Introspect the managed scope over ``context.connection`` (a ``MigrationContext``),
    with owners and privileges as the ``manage_owners``/``manage_privileges`` settings say."""
    from alembic_lockplane.introspect import introspect

    raw = dbapi_connection(context.connection)
    version_table = getattr(context, "version_table", "alembic_version")
    return introspect(
        raw,
        list(schemas) if schemas else None,
        exclude_tables=((None, version_table),),
        owners=owners,
        privileges=privileges,
    )


def live_hash(context: Any, schemas: Sequence[str] | None) -> str:
    return canonical_hash(live_schema(context, schemas))
