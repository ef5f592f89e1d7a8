"""Open psycopg2 connections with one-line, password-free errors."""

from __future__ import annotations

import psycopg2
import psycopg2.extensions

from alembic_lockplane.db.url import libpq_dsn, parse, redact
from alembic_lockplane.errors import ConnectionFailed

Connection = psycopg2.extensions.connection


def describe(url: str) -> str:
    """``user@host:port/db`` for messages: never the password."""
    parsed = parse(url)
    host = parsed.host or "local socket"
    port = f":{parsed.port}" if parsed.port else ""
    user = f"{parsed.username}@" if parsed.username else ""
    return f"{user}{host}{port}/{parsed.database or ''}"


def connect(
    url: str, *, autocommit: bool = False, application_name: str = "lockplane"
) -> Connection:
    try:
        conn = psycopg2.connect(
            libpq_dsn(url), application_name=application_name, connect_timeout=10
        )
    except psycopg2.OperationalError as exc:
        first = (str(exc).strip().splitlines() or ["connection failed"])[0]
        raise ConnectionFailed(
            f"cannot connect to {describe(url)}: {redact(first)}",
            hint="check the URL, that the server is running, and the credentials",
        ) from None
    conn.autocommit = autocommit
    return conn


def server_version_num(conn: Connection) -> int:
    version: int = conn.server_version
    return version
