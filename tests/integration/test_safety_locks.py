"""The lock, scan and rewrite claims of the rules, checked on a real server.

For every rule that names a lock, a statement of the kind it flags runs inside a transaction
and ``pg_locks`` must show exactly that lock as the strongest one on the table. Scans are seen
through PostgreSQL's own DEBUG1 messages (``verifying table``), rewrites through
``relfilenode``; the volatility list is compared with ``pg_proc.provolatile``.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import psycopg2
import pytest

from alembic_lockplane.db.url import libpq_dsn, with_database
from alembic_lockplane.safety import RULES, RULES_BY_CODE
from alembic_lockplane.safety.volatility import VOLATILE_BUILTINS, volatile_calls

pytestmark = pytest.mark.db

SETUP = """
CREATE TYPE mood AS ENUM ('sad', 'ok');
CREATE TABLE p (id int PRIMARY KEY);
INSERT INTO p VALUES (1);
CREATE TABLE t (
    id int, c int, p_id int, s text, m mood, k int, g int GENERATED ALWAYS AS (k * 2) STORED
);
INSERT INTO t SELECT n, n, 1, 'x', 'ok', n FROM generate_series(1, 3) n;
CREATE INDEX t_s ON t (s);
CREATE INDEX t_c_s ON t (c, s);
"""

# A statement of the kind each rule flags, run against table t.
STATEMENTS = {
    "drop_table": "DROP TABLE t",
    "drop_column": "ALTER TABLE t DROP COLUMN s",
    "drop_column_used_by_index": "ALTER TABLE t DROP COLUMN c",
    "type_change_narrowing": "ALTER TABLE t ALTER COLUMN c TYPE smallint",
    "type_change_rewrite": "ALTER TABLE t ALTER COLUMN c TYPE bigint",
    "enum_value_removed": (
        "CREATE TYPE mood2 AS ENUM ('ok'); "
        "ALTER TABLE t ALTER COLUMN m TYPE mood2 USING m::text::mood2"
    ),
    "enum_recreate": (
        "CREATE TYPE mood2 AS ENUM ('ok', 'sad'); "
        "ALTER TABLE t ALTER COLUMN m TYPE mood2 USING m::text::mood2"
    ),
    "generated_column_replaced": (
        "ALTER TABLE t DROP COLUMN p_id; "
        "ALTER TABLE t ADD COLUMN p_id int GENERATED ALWAYS AS (id) STORED"
    ),
    "generated_expression_change": (
        "ALTER TABLE t DROP COLUMN g; "
        "ALTER TABLE t ADD COLUMN g int GENERATED ALWAYS AS (k * 3) STORED"
    ),
    "add_column_not_null_without_default": "ALTER TABLE t ADD COLUMN d int NOT NULL DEFAULT 0",
    "add_column_volatile_default": "ALTER TABLE t ADD COLUMN d float8 DEFAULT random()",
    "add_column_stored_generated": "ALTER TABLE t ADD COLUMN d int GENERATED ALWAYS AS (c) STORED",
    "set_not_null": "ALTER TABLE t ALTER COLUMN c SET NOT NULL",
    "add_check_constraint": "ALTER TABLE t ADD CONSTRAINT ck CHECK (c > 0)",
    "add_foreign_key": "ALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY (p_id) REFERENCES p",
    "add_unique_constraint": "ALTER TABLE t ADD CONSTRAINT u UNIQUE (c)",
    "add_primary_key": "ALTER TABLE t ADD PRIMARY KEY (id)",
    "add_exclusion_constraint": "ALTER TABLE t ADD CONSTRAINT x EXCLUDE USING btree (c WITH =)",
    "create_index_non_concurrent": "CREATE INDEX i ON t (c)",
    "drop_index_non_concurrent": "DROP INDEX t_s",
    "collation_change": 'ALTER TABLE t ALTER COLUMN s TYPE text COLLATE "C"',
    "set_logged": "ALTER TABLE t SET UNLOGGED",
}

# pg_locks.mode, weakest first
_MODES = [
    "AccessShareLock",
    "RowShareLock",
    "RowExclusiveLock",
    "ShareUpdateExclusiveLock",
    "ShareLock",
    "ShareRowExclusiveLock",
    "ExclusiveLock",
    "AccessExclusiveLock",
]


@pytest.fixture(scope="module")
def module_db(pg_server: str) -> Iterator[str]:
    """One database for the module instead of one per test (CREATE DATABASE is slow)."""
    name = f"lpt_locks_{uuid.uuid4().hex[:8]}"
    admin = psycopg2.connect(libpq_dsn(pg_server))
    admin.autocommit = True
    with admin.cursor() as cur:
        cur.execute(f'CREATE DATABASE "{name}"')
    try:
        yield with_database(pg_server, name)
    finally:
        with admin.cursor() as cur:
            cur.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


@pytest.fixture
def cur(module_db: str) -> Iterator[Any]:
    """A cursor on a fresh copy of SETUP (autocommit; tests open their own transactions)."""
    conn = psycopg2.connect(libpq_dsn(module_db))
    conn.autocommit = True
    with conn.cursor() as c:
        c.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
        c.execute(SETUP)
        try:
            yield c
        finally:
            conn.close()


def _one(cur: Any, sql: str) -> Any:
    cur.execute(sql)
    row = cur.fetchone()
    assert row is not None
    return row[0]


def _strongest_lock(cur: Any, statement: str) -> str:
    oid = _one(cur, "SELECT 't'::regclass::oid")
    cur.execute("BEGIN")
    try:
        cur.execute(statement)
        cur.execute(
            "SELECT mode FROM pg_locks WHERE pid = pg_backend_pid() AND relation = %s", (oid,)
        )
        modes = [row[0] for row in cur.fetchall()]
    finally:
        cur.execute("ROLLBACK")
    return max(modes, key=_MODES.index)


def _debug_messages(cur: Any, statement: str) -> list[str]:
    cur.connection.notices.clear()
    cur.execute("BEGIN")
    try:
        cur.execute("SET LOCAL client_min_messages = debug1")
        cur.execute(statement)
    finally:
        cur.execute("ROLLBACK")
    return [n.strip() for n in cur.connection.notices]


def test_every_rule_that_names_a_lock_has_a_statement_here() -> None:
    assert {r.code for r in RULES if r.lock} == set(STATEMENTS)


@pytest.mark.parametrize("code", sorted(STATEMENTS))
def test_lock_claim(cur: Any, code: str) -> None:
    claimed = RULES_BY_CODE[code].lock
    assert claimed is not None
    expected = claimed.title().replace(" ", "") + "Lock"  # ACCESS EXCLUSIVE -> AccessExclusiveLock
    assert _strongest_lock(cur, STATEMENTS[code]) == expected


def test_foreign_key_blocks_writes_on_the_referenced_table_too(cur: Any) -> None:
    oid = _one(cur, "SELECT 'p'::regclass::oid")
    cur.execute("BEGIN")
    cur.execute(STATEMENTS["add_foreign_key"])
    cur.execute("SELECT mode FROM pg_locks WHERE pid = pg_backend_pid() AND relation = %s", (oid,))
    modes = [row[0] for row in cur.fetchall()]
    cur.execute("ROLLBACK")
    assert "ShareRowExclusiveLock" in modes


@pytest.mark.parametrize(
    ("statement", "scans"),
    [
        ("ALTER TABLE t ALTER COLUMN c SET NOT NULL", True),
        ("ALTER TABLE t ADD CONSTRAINT ck CHECK (c > 0)", True),
        ("ALTER TABLE t ADD CONSTRAINT ck CHECK (c > 0) NOT VALID", False),
        ("ALTER TABLE t ADD COLUMN d int NOT NULL DEFAULT 0", False),
    ],
)
def test_scan_claims(cur: Any, statement: str, scans: bool) -> None:
    messages = _debug_messages(cur, statement)
    assert any('verifying table "t"' in m for m in messages) == scans, messages


def test_set_not_null_after_a_validated_check_skips_the_scan(cur: Any) -> None:
    """The hint of set_not_null (and the check in the rule) rests on this PostgreSQL 12+ fact."""
    cur.execute("ALTER TABLE t ADD CONSTRAINT c_nn CHECK (c IS NOT NULL) NOT VALID")
    cur.execute("ALTER TABLE t VALIDATE CONSTRAINT c_nn")
    definition = _one(
        cur, "SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'c_nn'"
    )
    assert definition == "CHECK ((c IS NOT NULL))"  # what set_not_null.proven_by_check looks for
    messages = _debug_messages(cur, "ALTER TABLE t ALTER COLUMN c SET NOT NULL")
    assert not any('verifying table "t"' in m for m in messages), messages
    assert any("sufficient to prove" in m for m in messages), messages


def test_dropping_a_column_takes_a_multi_column_index_along(cur: Any) -> None:
    cur.execute(STATEMENTS["drop_column_used_by_index"])
    assert _one(cur, "SELECT count(*) FROM pg_class WHERE relname = 't_c_s'") == 0
    assert _one(cur, "SELECT count(*) FROM pg_class WHERE relname = 't_s'") == 1


@pytest.mark.parametrize(
    ("default", "rewrites"),
    [
        ("random()", True),
        ("clock_timestamp()", True),
        ("gen_random_uuid()", True),
        ("now()", False),
        ("CURRENT_TIMESTAMP", False),
        ("statement_timestamp()", False),
        ("42", False),
    ],
)
def test_volatile_default_claim_matches_relfilenode(cur: Any, default: str, rewrites: bool) -> None:
    before = _one(cur, "SELECT relfilenode FROM pg_class WHERE relname = 't'")
    cur.execute(f"ALTER TABLE t ADD COLUMN d text DEFAULT {default}")
    after = _one(cur, "SELECT relfilenode FROM pg_class WHERE relname = 't'")
    stored = _one(
        cur,
        "SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef d "
        "JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum "
        "WHERE a.attname = 'd'",
    )
    assert (before != after) == rewrites
    assert bool(volatile_calls(stored)) == rewrites, stored


def test_the_volatile_list_matches_pg_proc(cur: Any) -> None:
    cur.execute(
        "SELECT proname, string_agg(DISTINCT provolatile::text, '') FROM pg_proc "
        "WHERE proname = ANY(%s) GROUP BY proname",
        (sorted(VOLATILE_BUILTINS | {"now", "statement_timestamp", "transaction_timestamp"}),),
    )
    volatility = dict(cur.fetchall())
    for name in VOLATILE_BUILTINS & volatility.keys():
        assert volatility[name] == "v", name
    for name in ("now", "statement_timestamp", "transaction_timestamp"):
        assert volatility[name] == "s", name
    # random_normal is 16+, uuidv4/uuidv7 are 18+; the rest exist on every supported server.
    assert {"random", "clock_timestamp", "gen_random_uuid", "nextval"} <= volatility.keys()


def test_an_identity_column_rewrites_the_table(cur: Any) -> None:
    before = _one(cur, "SELECT relfilenode FROM pg_class WHERE relname = 't'")
    cur.execute("ALTER TABLE t ADD COLUMN n bigint GENERATED ALWAYS AS IDENTITY")
    after = _one(cur, "SELECT relfilenode FROM pg_class WHERE relname = 't'")
    assert before != after


def test_collation_change_keeps_the_table_but_rebuilds_its_indexes(cur: Any) -> None:
    table, index = (
        _one(cur, "SELECT relfilenode FROM pg_class WHERE relname = 't'"),
        _one(cur, "SELECT relfilenode FROM pg_class WHERE relname = 't_s'"),
    )
    cur.execute(STATEMENTS["collation_change"])
    assert _one(cur, "SELECT relfilenode FROM pg_class WHERE relname = 't'") == table
    assert _one(cur, "SELECT relfilenode FROM pg_class WHERE relname = 't_s'") != index
