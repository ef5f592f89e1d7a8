"""The catalog queries as shipped: every one renders for every supported major, and the
version-dependent parts follow the capability flags. No server needed."""

from __future__ import annotations

import re
from importlib import resources

import pytest

from alembic_lockplane.errors import LockplaneError
from alembic_lockplane.introspect import sql
from alembic_lockplane.introspect.capabilities import Capabilities

QUERY_DIR = resources.files("alembic_lockplane.introspect") / "queries"
QUERIES = sorted(
    p.name.removesuffix(".sql")
    for p in QUERY_DIR.iterdir()
    if p.name.endswith(".sql") and not p.name.startswith("_")
)
VERSIONS = [130000, 140005, 150004, 160001, 170000, 180006]


def test_the_introspection_queries_ship_as_package_data() -> None:
    assert set(QUERIES) >= {
        "columns",
        "constraints",
        "enums",
        "extensions",
        "indexes",
        "namespaces",
        "policies",
        "sequences",
        "settings",
        "tables",
    }


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("name", QUERIES)
def test_every_query_renders_without_markers(name: str, version: int) -> None:
    text = sql.render(name, Capabilities(version).flags())
    assert "{{" not in text and "}}" not in text
    if name != "settings":
        # Deterministic row order: the statement's last clause is its ORDER BY.
        assert re.search(r"\nORDER BY [^()]+$", text.strip()), name


def test_nulls_not_distinct_column_is_read_only_from_15() -> None:
    assert "indnullsnotdistinct" not in sql.render("indexes", Capabilities(140010).flags())
    assert "i.indnullsnotdistinct" in sql.render("indexes", Capabilities(150000).flags())


@pytest.mark.parametrize(
    ("version", "expected"), [(130000, False), (149999, False), (150000, True), (180000, True)]
)
def test_capability_follows_server_version(version: int, expected: bool) -> None:
    assert Capabilities(version).nulls_not_distinct is expected


def test_servers_older_than_13_are_refused() -> None:
    with pytest.raises(LockplaneError, match="PostgreSQL 12 is not supported"):
        Capabilities(120011)


def test_unknown_capability_is_an_error_not_sent_sql() -> None:
    with pytest.raises(KeyError, match="nulls_not_distinct"):
        sql.render("indexes", {})
