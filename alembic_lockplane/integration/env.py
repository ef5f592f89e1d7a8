"""Helpers for a project's env.py.

In env.py, after ``config = context.config``::

    from alembic_lockplane.integration.env import use_database_url
    use_database_url(config)
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping

from alembic.config import Config

_BARE_POSTGRES = re.compile(r"^postgres(?:ql)?://", re.IGNORECASE)


def sqlalchemy_url(url: str) -> str:
    """``url`` with an explicit psycopg2 driver when it names none.

    SQLAlchemy 2.1 maps a bare ``postgresql://`` to psycopg 3, which alembic-lockplane does
    not install; ``postgres://`` (Heroku style) it refuses outright. Explicit drivers are kept.
    """
    return _BARE_POSTGRES.sub("postgresql+psycopg2://", url)


def use_database_url(config: Config, environ: Mapping[str, str] | None = None) -> str | None:
    """Let ``DATABASE_URL`` (when set) replace ``sqlalchemy.url``; return the URL in effect.

    Either way a driverless PostgreSQL URL gets the psycopg2 driver (see ``sqlalchemy_url``).
    """
    env = os.environ if environ is None else environ
    url = env.get("DATABASE_URL") or config.get_main_option("sqlalchemy.url") or None
    if url:
        url = sqlalchemy_url(url)
        # ConfigParser interpolates '%': a percent-encoded password must be doubled.
        config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return url
