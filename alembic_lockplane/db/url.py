"""Database URLs: recognise, normalise for libpq, and redact for display.

Parsed with the standard library: libpq reads ``postgresql://`` URIs itself, so all we do is
drop SQLAlchemy's ``+driver`` suffix, swap the database name, and hide passwords.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, unquote, urlsplit, urlunsplit

from alembic_lockplane.errors import ConfigError

_URL_PREFIX = re.compile(r"^postgres(ql)?(\+\w+)?://", re.IGNORECASE)
_ANY_SCHEME = re.compile(r"^(?P<scheme>[A-Za-z][\w+.-]*)://")
_LOOSE_USERINFO = re.compile(r"(?P<user>[^\s:/@]*):(?P<pw>\S*)@")
_PASSWORD_IN_URL = re.compile(r"(?P<head>\w[\w+.-]*://[^:/@\s]*:)(?P<pw>[^\s/]*)(?P<tail>@)")


@dataclass(frozen=True)
class UrlParts:
    username: str | None
    host: str | None
    port: int | None
    database: str | None


def is_database_url(value: str) -> bool:
    return bool(_URL_PREFIX.match(value))


def _check(url: str) -> None:
    if is_database_url(url):
        return
    scheme = _ANY_SCHEME.match(url)
    if scheme:
        raise ConfigError(
            f"only PostgreSQL is supported, got {scheme['scheme']}:// in {redact(url)}"
        )
    # not a URL, so `redact` cannot find the password: mask whatever looks like user:pw@
    shown = _LOOSE_USERINFO.sub(lambda m: f"{m['user']}:***@", url)
    raise ConfigError(f"not a database URL: {shown}", hint="use postgresql://user@host:port/dbname")


def parse(url: str) -> UrlParts:
    _check(url)
    parts = urlsplit(url)
    try:
        port = parts.port
    except ValueError:
        raise ConfigError(f"invalid port in {redact(url)}") from None
    query_host = parse_qs(parts.query).get("host")
    host = parts.hostname or (query_host[0] if query_host else None)
    database = unquote(parts.path.lstrip("/")) or None
    username = unquote(parts.username) if parts.username else None
    return UrlParts(username, host, port, database)


def libpq_dsn(url: str) -> str:
    """The URL in a form libpq accepts (no SQLAlchemy driver suffix)."""
    _check(url)
    return _URL_PREFIX.sub("postgresql://", url, count=1)


def with_database(url: str, database: str) -> str:
    """The same server, another database."""
    _check(url)
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path="/" + database))


def database_name(url: str) -> str | None:
    return parse(url).database


def redact(text: str) -> str:
    """Replace every password inside URLs in ``text`` with ``***``."""
    return _PASSWORD_IN_URL.sub(lambda m: f"{m['head']}***{m['tail']}", text)
