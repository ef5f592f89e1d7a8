"""Database URLs: libpq form, database swap, and password redaction."""

from __future__ import annotations

import pytest

from alembic_lockplane.db.connect import describe
from alembic_lockplane.db.url import is_database_url, libpq_dsn, redact, with_database
from alembic_lockplane.errors import ConfigError


def test_sqlalchemy_driver_suffix_is_dropped_for_libpq() -> None:
    url = "postgresql+psycopg2://u:p@h:5433/db?sslmode=require"
    assert libpq_dsn(url) == "postgresql://u:p@h:5433/db?sslmode=require"


def test_with_database_keeps_everything_else() -> None:
    url = "postgresql://u:p%40ss@h:5433/db?sslmode=require&host=/tmp"
    assert (
        with_database(url, "other")
        == "postgresql://u:p%40ss@h:5433/other?sslmode=require&host=/tmp"
    )


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("postgresql://alice:s3cret@db:5432/app", "postgresql://alice:***@db:5432/app"),
        (
            "see postgres://a:b@c/d and postgresql://e:f@g/h",
            "see postgres://a:***@c/d and postgresql://e:***@g/h",
        ),
        ("postgresql://bob:p@ss:w@rd@host/db", "postgresql://bob:***@host/db"),
        ("postgresql://nobody@host/db", "postgresql://nobody@host/db"),
    ],
)
def test_redact_hides_every_password(text: str, shown: str) -> None:
    assert redact(text) == shown


def test_describe_never_contains_the_password() -> None:
    assert describe("postgresql://alice:s3cret@db:6543/app") == "alice@db:6543/app"
    assert describe("postgresql://postgres@/x?host=/tmp/sock") == "postgres@/tmp/sock/x"


def test_other_schemes_are_refused_without_showing_the_password() -> None:
    assert not is_database_url("mysql://root:pw@h/db")
    with pytest.raises(ConfigError) as info:
        libpq_dsn("mysql://root:pw@h/db")
    assert ":pw@" not in str(info.value)
    assert "only PostgreSQL is supported" in str(info.value)
