"""Helpers for a project's env.py.

In env.py, after ``config = context.config``::

    from alembic_lockplane.integration.env import use_database_url
    use_database_url(config)

and, to keep a ``current.json`` snapshot up to date, after the migration transaction::

    refresh_snapshot(config, connection)
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic.config import Config

_BARE_POSTGRES = re.compile(r"^postgres(?:ql)?://", re.IGNORECASE)


def sqlalchemy_url(url: str) -> str:
    """``url`` with an explicit psycopg2 driver when it names none.

    SQLAlchemy 2.1 maps a bare ``postgresql://`` to psycopg 3, which alembic-lockplane does
    not install; ``postgres://`` (Heroku style) it refuses outright. Explicit drivers are kept.
    """
    return _BARE_POSTGRES.sub("postgresql+psycopg2://", url)


def use_database_url(
    config: Config, environ: Mapping[str, str] | None = None, *, required: bool = False
) -> str | None:
    """Let ``DATABASE_URL`` (when set) replace ``sqlalchemy.url``; return the URL in effect.

    Either way a driverless PostgreSQL URL gets the psycopg2 driver (see ``sqlalchemy_url``).
    ``required`` turns a missing URL into Alembic's one-line ``FAILED:`` instead of
    SQLAlchemy's parse traceback later on.
    """
    env = os.environ if environ is None else environ
    url = env.get("DATABASE_URL") or config.get_main_option("sqlalchemy.url") or None
    if url:
        url = sqlalchemy_url(url)
        # ConfigParser interpolates '%': a percent-encoded password must be doubled.
        config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    elif required:
        from alembic.util import CommandError

        raise CommandError("no database URL: set DATABASE_URL or sqlalchemy.url in alembic.ini")
    return url


@contextmanager
def connect(engine: Any) -> Iterator[Any]:
    """``engine.connect()``, with a connection failure as one redacted ``FAILED:`` line."""
    from alembic.util import CommandError
    from sqlalchemy.exc import OperationalError

    from alembic_lockplane.db.url import redact

    try:
        connection = engine.connect()
    except OperationalError as exc:
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else "connection failed"
        raise CommandError(f"cannot connect to the database: {redact(reason)}") from None
    with connection:
        yield connection


def refresh_snapshot(config: Config, connection: Any) -> Path | None:
    """Write the managed schema to the ``snapshot_path`` setting (if set); return the path.

    Call it after env.py's ``with context.begin_transaction(): ...`` block, so the snapshot
    shows what was committed. Without ``snapshot_path`` it does nothing.
    """
    from alembic_lockplane.fileio import write_atomic
    from alembic_lockplane.integration.live import dbapi_connection
    from alembic_lockplane.integration.settings import load
    from alembic_lockplane.introspect import introspect
    from alembic_lockplane.model.serde import schema_to_json

    settings = load(config)
    if settings.snapshot_path is None:
        return None
    version_table = config.get_main_option("version_table") or "alembic_version"
    schema = introspect(
        dbapi_connection(connection),
        settings.schemas,
        exclude_tables=((None, version_table),),
        owners=settings.manage_owners,
        privileges=settings.manage_privileges,
    )
    write_atomic(settings.snapshot_path, schema_to_json(schema))
    return settings.snapshot_path
