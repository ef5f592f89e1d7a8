"""The rules inside real plans: schemas loaded into PostgreSQL, introspected, planned.

The unit tests build model objects by hand; here the rules read what introspection really
produces (``format_type`` spellings, ``pg_get_expr`` defaults, constraint definitions), and
see the changes the real diff emits, with the plan context the real planner builds.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import psycopg2
import pytest

from alembic_lockplane.db.url import libpq_dsn, with_database
from alembic_lockplane.engine import make_plan
from alembic_lockplane.introspect import introspect

pytestmark = pytest.mark.db

BASE = "CREATE TABLE users (id bigint PRIMARY KEY, email text, org text, n integer);"

# name: (current SQL, desired SQL, every finding code the plan must have, and no others)
CASES: dict[str, tuple[str, str, set[str]]] = {
    "no_change": (BASE, BASE, set()),
    "int_to_bigint": (
        BASE,
        BASE.replace("n integer", "n bigint"),
        {"type_change_rewrite", "type_change_lossy_rollback"},
    ),
    "varchar_longer": (
        "CREATE TABLE users (name varchar(10));",
        "CREATE TABLE users (name varchar(20));",
        {"type_change_lossy_rollback"},
    ),
    "text_to_short_varchar": (
        "CREATE TABLE users (name text);",
        "CREATE TABLE users (name varchar(5));",
        {"type_change_narrowing", "type_change_rewrite"},
    ),
    "new_table_with_index_and_fk": (
        BASE,
        BASE + "CREATE TABLE posts (id bigint PRIMARY KEY, user_id bigint REFERENCES users, "
        "title text NOT NULL); CREATE INDEX posts_title ON posts (title);",
        set(),
    ),
    "index_on_existing_table": (
        BASE,
        BASE + "CREATE INDEX users_email ON users (email);",
        {"create_index_non_concurrent"},
    ),
    "volatile_default": (
        BASE,
        BASE.replace(");", ", token uuid DEFAULT gen_random_uuid());"),
        {"add_column_volatile_default"},
    ),
    "stable_default": (
        BASE,
        BASE.replace(");", ", seen timestamptz NOT NULL DEFAULT now());"),
        set(),
    ),
    "not_null_without_default": (
        BASE,
        BASE.replace(");", ", plan text NOT NULL);"),
        {"add_column_not_null_without_default"},
    ),
    "set_not_null": (
        BASE,
        BASE.replace("email text", "email text NOT NULL"),
        {"set_not_null"},
    ),
    "set_not_null_proven_by_check": (
        BASE + "ALTER TABLE users ADD CONSTRAINT email_nn CHECK (email IS NOT NULL);",
        BASE.replace("email text", "email text NOT NULL")
        + "ALTER TABLE users ADD CONSTRAINT email_nn CHECK (email IS NOT NULL);",
        set(),
    ),
    "drop_table": (BASE + "CREATE TABLE old (id int);", BASE, {"drop_table"}),
    "drop_table_with_index": (
        BASE + "CREATE TABLE old (id int); CREATE INDEX old_id ON old (id);",
        BASE,
        {"drop_table"},
    ),
    "drop_column_with_its_own_index": (
        BASE + "CREATE INDEX users_email ON users (email);",
        BASE.replace(", email text", ""),
        {"drop_column", "drop_index_non_concurrent"},
    ),
    "collation_change_under_unique_constraint": (
        "CREATE TABLE t (code text UNIQUE);",
        'CREATE TABLE t (code text COLLATE "C" UNIQUE);',
        {"collation_change"},
    ),
    "drop_column_in_multi_column_index": (
        BASE + "CREATE INDEX users_org_email ON users (org, email);",
        BASE.replace(", email text", ""),
        {"drop_column", "drop_column_used_by_index", "drop_index_non_concurrent"},
    ),
    "enum_value_removed": (
        "CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy'); CREATE TABLE t (m mood);",
        "CREATE TYPE mood AS ENUM ('sad', 'happy'); CREATE TABLE t (m mood);",
        {"enum_value_removed", "enum_recreate"},
    ),
    "enum_value_added": (
        "CREATE TYPE mood AS ENUM ('sad', 'ok'); CREATE TABLE t (m mood);",
        "CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy'); CREATE TABLE t (m mood);",
        set(),
    ),
    "foreign_key_on_existing_table": (
        "CREATE TABLE orgs (id text PRIMARY KEY);" + BASE,
        "CREATE TABLE orgs (id text PRIMARY KEY);"
        + BASE.replace("org text", "org text REFERENCES orgs"),
        {"add_foreign_key"},
    ),
    "unique_and_check_on_existing_table": (
        BASE,
        BASE.replace("email text", "email text UNIQUE CHECK (email <> '')"),
        {"add_unique_constraint", "add_check_constraint"},
    ),
    "serial_column_added": (
        BASE,
        BASE.replace(");", ", seq serial);"),
        {"add_column_volatile_default"},
    ),
    "drop_sequence_and_schema": (
        BASE + "CREATE SCHEMA billing; CREATE SEQUENCE billing.invoice_no;",
        BASE,
        {"drop_sequence", "drop_schema"},
    ),
}


@pytest.fixture(scope="module")
def databases(pg_server: str) -> Iterator[tuple[str, str]]:
    """Two databases (current, desired) for the module; each test resets their public schema."""
    names = [f"lpt_safety_plan_{side}_{uuid.uuid4().hex[:8]}" for side in ("cur", "des")]
    admin = psycopg2.connect(libpq_dsn(pg_server))
    admin.autocommit = True
    with admin.cursor() as cur:
        for name in names:
            cur.execute(f'CREATE DATABASE "{name}"')
    try:
        yield with_database(pg_server, names[0]), with_database(pg_server, names[1])
    finally:
        with admin.cursor() as cur:
            for name in names:
                cur.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


def _load(url: str, sql: str) -> Any:
    conn = psycopg2.connect(libpq_dsn(url))
    conn.autocommit = True
    try:
        with conn.cursor() as cur:
            cur.execute(
                "DROP SCHEMA IF EXISTS billing CASCADE; DROP SCHEMA public CASCADE; "
                "CREATE SCHEMA public"
            )
            cur.execute(sql)
        return introspect(conn)
    finally:
        conn.close()


@pytest.mark.parametrize("name", sorted(CASES))
def test_findings_of_a_real_plan(databases: tuple[str, str], name: str) -> None:
    current_sql, desired_sql, expected = CASES[name]
    current = _load(databases[0], current_sql)
    desired = _load(databases[1], desired_sql)
    plan = make_plan(current, desired, lock_safe=False)  # the rules about the plain DDL
    codes = {f.code for f in plan.findings}
    assert codes == expected, [(s.description, [f.code for f in s.findings]) for s in plan.steps]
    for step in plan.steps:
        assert step.safety.rank == max((f.level.rank for f in step.findings), default=0)
