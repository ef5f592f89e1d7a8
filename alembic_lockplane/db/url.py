"""Database URLs: recognise, normalise for libpq, and redact for display."""

from __future__ import annotations

import re

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from alembic_lockplane.errors import ConfigError

_URL_PREFIX = re.compile(r"^postgres(ql)?(\+\w+)?://", re.IGNORECASE)
_PASSWORD_IN_URL = re.compile(r"(?P<head>\w[\w+.-]*://[^:/@\s]*:)(?P<pw>[^\s/]*)(?P<tail>@)")


def is_database_url(value: str) -> bool:
    return bool(_URL_PREFIX.match(value))


def parse(url: str) -> URL:
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise ConfigError(f"not a database URL: {redact(url)}") from None
    if not parsed.drivername.startswith("postgres"):
        raise ConfigError(
            f"only PostgreSQL is supported, got {parsed.drivername}:// in {redact(url)}"
        )
    return parsed


def libpq_dsn(url: str) -> str:
    """The URL in a form libpq accepts (no SQLAlchemy driver suffix)."""
    parsed = parse(url).set(drivername="postgresql")
    return parsed.render_as_string(hide_password=False)


def with_database(url: str, database: str) -> str:
    """The same server, another database."""
    parsed = parse(url).set(database=database)
    return parsed.render_as_string(hide_password=False)


def database_name(url: str) -> str | None:
    return parse(url).database


def redact(text: str) -> str:
    """Replace every password inside URLs in ``text`` with ``***``."""
    return _PASSWORD_IN_URL.sub(lambda m: f"{m['head']}***{m['tail']}", text)
