"""Desired schema through the shadow: PostgreSQL normalises it, errors map to file:line:col."""

from __future__ import annotations

import os
from pathlib import Path

import psycopg2
import pytest

from alembic_lockplane.db.url import libpq_dsn
from alembic_lockplane.engine import introspect_url, load_desired
from alembic_lockplane.errors import SchemaSourceError

SYNONYMS = """\
CREATE TABLE accounts (
    id serial PRIMARY KEY,
    code varchar(20) UNIQUE,
    active bool DEFAULT true,
    n int4 NOT NULL DEFAULT 0,
    created timestamptz DEFAULT now(),
    touched timestamptz DEFAULT CURRENT_TIMESTAMP,
    CHECK (n >= 0)
);
CREATE TABLE memberships (
    account_id int REFERENCES accounts ON DELETE CASCADE,
    team text,
    since date,
    PRIMARY KEY (account_id, team)
);
CREATE INDEX ON memberships (since);
"""


def _no_scratch_databases(server: str) -> list[str]:
    """Scratch databases this test process created and left behind (others may share the server)."""
    conn = psycopg2.connect(libpq_dsn(server))
    try:
        with conn.cursor() as cur:
            cur.execute(
                "SELECT datname FROM pg_database WHERE datname LIKE %s",
                (f"lockplane\\_scratch\\_{os.getpid()}\\_%",),
            )
            return [r[0] for r in cur.fetchall()]
    finally:
        conn.close()


def test_synonyms_load_equal_to_the_same_ddl_applied_to_a_database(
    tmp_path: Path, conn, db_url: str, pg_server: str
) -> None:
    (tmp_path / "schema.lp.sql").write_text(SYNONYMS)
    desired = load_desired(tmp_path / "schema.lp.sql", shadow_url=pg_server, cwd=tmp_path)
    with conn.cursor() as cur:
        cur.execute(SYNONYMS)
    assert desired == introspect_url(db_url)
    accounts = desired.table("public", "accounts")
    assert accounts is not None
    assert [c.type for c in accounts.columns] == [
        "integer",
        "character varying(20)",
        "boolean",
        "integer",
        "timestamp with time zone",
        "timestamp with time zone",
    ]
    assert {c.name for c in accounts.constraints} == {
        "accounts_pkey",
        "accounts_code_key",
        "accounts_n_check",
    }


def test_loading_twice_gives_equal_models_and_leaves_no_scratch_database(
    tmp_path: Path, pg_server: str
) -> None:
    (tmp_path / "schema.lp.sql").write_text(SYNONYMS)
    first = load_desired(None, shadow_url=pg_server, cwd=tmp_path, env={})
    second = load_desired(None, shadow_url=pg_server, cwd=tmp_path, env={})
    assert first == second
    assert not first.is_empty()
    assert _no_scratch_databases(pg_server) == []


def _error(tmp_path: Path, pg_server: str, path: Path) -> SchemaSourceError:
    with pytest.raises(SchemaSourceError) as info:
        load_desired(path, shadow_url=pg_server, cwd=tmp_path)
    return info.value


def test_error_in_second_file_of_a_folder_points_at_it(tmp_path: Path, pg_server: str) -> None:
    folder = tmp_path / "schema"
    folder.mkdir()
    (folder / "01_users.lp.sql").write_text("CREATE TABLE users (id int PRIMARY KEY);\n")
    (folder / "02_posts.lp.sql").write_text(
        "-- posts\nCREATE TABLE posts (\n  id int,\n  author int REFERENCES authors (id)\n);\n"
    )
    err = _error(tmp_path, pg_server, folder)
    assert err.origin is not None
    assert (Path(err.origin.file).name, err.origin.line) == ("02_posts.lp.sql", 2)
    assert 'relation "public.authors" does not exist' in err.message or (
        'relation "authors" does not exist' in err.message
    )
    assert _no_scratch_databases(pg_server) == []


def test_unknown_type_is_reported_at_its_column(tmp_path: Path, pg_server: str) -> None:
    path = tmp_path / "schema.lp.sql"
    path.write_text("CREATE TABLE a (id int);\n\nCREATE TABLE b (\n    x int,\n    y moneyz\n);\n")
    err = _error(tmp_path, pg_server, path)
    assert err.origin is not None
    assert (err.origin.line, err.origin.column) == (5, 7)
    assert 'type "moneyz" does not exist' in err.message


def test_statement_after_dollar_quoted_body_keeps_its_position(
    tmp_path: Path, pg_server: str
) -> None:
    path = tmp_path / "schema.lp.sql"
    path.write_text(
        "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $body$\n"
        "  SELECT 1; -- a semicolon inside the body\n"
        "$body$;\n"
        "CREATE TABLE t (id int DEFAULT nope());\n"
    )
    err = _error(tmp_path, pg_server, path)
    assert err.origin is not None
    assert (err.origin.line, err.origin.column) == (4, 32)


def test_static_rule_errors_stop_before_the_shadow(tmp_path: Path) -> None:
    path = tmp_path / "schema.lp.sql"
    path.write_text("CREATE TABLE t (id int);\nDROP TABLE t;\n")
    with pytest.raises(SchemaSourceError) as info:
        # an unreachable shadow proves the static pass stops first
        load_desired(path, shadow_url="postgresql://nobody@127.0.0.1:1/x", cwd=tmp_path)
    assert info.value.diagnostics
    assert "2:1" in str(info.value)


# A mistake the static pass finds in the last statement of a long file is reported before
# anything reaches the shadow; a server error early in a long file is reported at its own
# statement; nothing is left on the shadow either way.
MANY = "".join(f"CREATE TABLE t{i} (id int PRIMARY KEY, v text);\n" for i in range(300))


def test_a_late_static_error_wins_over_the_running_shadow_and_leaves_nothing(
    tmp_path: Path, pg_server: str
) -> None:
    path = tmp_path / "schema.lp.sql"
    path.write_text(MANY + "DROP TABLE t1;\n")
    error = _error(tmp_path, pg_server, path)
    assert error.diagnostics
    assert "301:1" in str(error)
    assert _no_scratch_databases(pg_server) == []


def test_an_early_server_error_is_reported_at_its_statement_while_more_arrive(
    tmp_path: Path, pg_server: str
) -> None:
    path = tmp_path / "schema.lp.sql"
    path.write_text("CREATE TABLE a (id int);\nCREATE TABLE b (x no_such_type);\n" + MANY)
    error = _error(tmp_path, pg_server, path)
    assert "no_such_type" in error.message
    assert error.origin is not None and error.origin.line == 2
    assert _no_scratch_databases(pg_server) == []
