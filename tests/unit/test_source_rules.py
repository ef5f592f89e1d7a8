"""Declarative rules: each rule fires on what it names and stays quiet on look-alikes."""

from __future__ import annotations

from pathlib import Path

import pytest

from alembic_lockplane.source import STATEMENT_KINDS, read_source


def check(tmp_path: Path, script: str, *, strict: bool = False) -> list[tuple[str, str, int, int]]:
    (tmp_path / "s.lp.sql").write_text(script, encoding="utf-8")
    parsed = read_source([tmp_path / "s.lp.sql"], strict=strict, cwd=tmp_path)
    return [(d.severity, d.code, d.line, d.column) for d in parsed.diagnostics]


def codes(tmp_path: Path, script: str) -> list[str]:
    return [c for _, c, _, _ in check(tmp_path, script)]


# (code, script that must trigger it once at line/column, severity)
POSITIVE = {
    "drop_table": ("drop_statement", "CREATE TABLE a (x int);\n  DROP TABLE a;", 2, 3, "error"),
    "drop_index": ("drop_statement", "drop index if exists i", 1, 1, "error"),
    "alter_drop_column": (
        "alter_drop",
        "CREATE TABLE t (a int, b int);\nALTER TABLE t DROP COLUMN b;",
        2,
        15,
        "error",
    ),
    "alter_drop_not_null": (
        "alter_drop",
        "ALTER TABLE ONLY public.t ALTER COLUMN a DROP NOT NULL",
        1,
        42,
        "error",
    ),
    "alter_drop_default_no_column_word": (
        "alter_drop",
        "ALTER TABLE IF EXISTS t ALTER a DROP DEFAULT",
        1,
        33,
        "error",
    ),
    "alter_drop_second_action": (
        "alter_drop",
        "ALTER TABLE t OWNER TO x, DROP CONSTRAINT c",
        1,
        27,
        "error",
    ),
    "alter_domain_drop": ("alter_drop", "ALTER DOMAIN d DROP NOT NULL", 1, 16, "error"),
    "truncate": ("truncate", "TRUNCATE t", 1, 1, "error"),
    "insert": ("dml", "INSERT INTO t VALUES (1)", 1, 1, "error"),
    "update": ("dml", "UPDATE t SET a = 1", 1, 1, "error"),
    "delete": ("dml", "DELETE FROM t", 1, 1, "error"),
    "merge": ("dml", "MERGE INTO t USING s ON true WHEN MATCHED THEN DO NOTHING", 1, 1, "error"),
    "copy": ("dml", "COPY t FROM STDIN", 1, 1, "error"),
    "cte_insert": ("dml", "WITH x AS (SELECT 1) INSERT INTO t SELECT * FROM x", 1, 1, "error"),
    "begin": ("transaction_control", "BEGIN", 1, 1, "error"),
    "start_transaction": ("transaction_control", "START TRANSACTION", 1, 1, "error"),
    "commit": ("transaction_control", "commit", 1, 1, "error"),
    "rollback": ("transaction_control", "ROLLBACK", 1, 1, "error"),
    "savepoint": ("transaction_control", "SAVEPOINT s", 1, 1, "error"),
    "prepare_transaction": (
        "transaction_control",
        "SELECT 1;\n PREPARE TRANSACTION 'x'",
        2,
        2,
        "error",
    ),
    "end": ("transaction_control", "END", 1, 1, "error"),
    "meta_command": ("psql_meta_command", "SELECT 1;\n\\connect other", 2, 1, "error"),
    "if_not_exists_table": (
        "if_not_exists",
        "CREATE TABLE IF NOT EXISTS t (a int)",
        1,
        14,
        "warning",
    ),
    "if_not_exists_other_schema": (
        "if_not_exists",
        "CREATE SCHEMA IF NOT EXISTS app",
        1,
        15,
        "warning",
    ),
    "if_not_exists_column": (
        "if_not_exists",
        "CREATE TABLE t (a int);\nALTER TABLE x ADD COLUMN IF NOT EXISTS b int",
        2,
        26,
        "warning",
    ),
    "create_or_replace": (
        "create_or_replace",
        "CREATE OR REPLACE VIEW v AS SELECT 1",
        1,
        1,
        "warning",
    ),
    "foldable_add_constraint": (
        "alter_table_foldable",
        "CREATE TABLE t (a int);\nALTER TABLE t ADD CONSTRAINT t_pk PRIMARY KEY (a);",
        2,
        15,
        "warning",
    ),
    "foldable_add_column_qualified_vs_not": (
        "alter_table_foldable",
        "CREATE TABLE public.t (a int);\nALTER TABLE t ADD b int;",
        2,
        15,
        "warning",
    ),
    "foldable_set_default": (
        "alter_table_foldable",
        'CREATE TABLE "T" (a int);\nALTER TABLE "T" ALTER COLUMN a SET DEFAULT 1;',
        2,
        17,
        "warning",
    ),
    "foldable_fk_to_earlier_table": (
        "alter_table_foldable",
        "CREATE TABLE p (id int PRIMARY KEY);\nCREATE TABLE c (p int);\n"
        "ALTER TABLE c ADD FOREIGN KEY (p) REFERENCES p;",
        3,
        15,
        "warning",
    ),
}


@pytest.mark.parametrize("case", sorted(POSITIVE))
def test_rule_fires(tmp_path: Path, case: str) -> None:
    code, script, line, column, severity = POSITIVE[case]
    found = [d for d in check(tmp_path, script) if d[1] == code]
    assert found == [(severity, code, line, column)]


# Scripts that look like a rule but are not: no diagnostic at all.
NEGATIVE = {
    "drop_in_string": "COMMENT ON TABLE t IS 'DROP TABLE t; TRUNCATE t; BEGIN'",
    "drop_in_function_body": (
        "CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$\nBEGIN\n  DROP TABLE x;\n"
        "  DELETE FROM y;\n  COMMIT;\nEND $$"
    ),
    "drop_in_comment": "-- DROP TABLE t;\n/* TRUNCATE t; */ CREATE TABLE t (a int)",
    "column_named_drop": 'CREATE TABLE t (drop int, "drop" int, "begin" text, truncate int)',
    "alter_column_named_drop": (
        'ALTER TABLE t ALTER COLUMN drop SET STATISTICS 10, ADD COLUMN "drop" int'
    ),
    "if_not_exists_in_string": "COMMENT ON TABLE t IS 'IF NOT EXISTS'",
    "create_without_replace": "CREATE VIEW v AS SELECT 1",
    "if_not_exists_for_public_schema": "CREATE SCHEMA IF NOT EXISTS public",
    "if_not_exists_for_plpgsql": "CREATE EXTENSION IF NOT EXISTS plpgsql",
    "if_not_exists_for_public_with_options": "CREATE SCHEMA IF NOT EXISTS PUBLIC AUTHORIZATION x",
    "enable_rls_cannot_be_folded": (
        "CREATE TABLE t (a int);\nALTER TABLE t ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY"
    ),
    "alter_of_table_not_created_here": "ALTER TABLE elsewhere ADD CONSTRAINT c CHECK (a > 0)",
    "alter_of_table_in_other_schema": (
        "CREATE TABLE a.t (x int);\nALTER TABLE b.t ADD CONSTRAINT c CHECK (x > 0)"
    ),
    "fk_to_later_table_cannot_be_folded": (
        "CREATE TABLE a (b_id int);\nCREATE TABLE b (id int PRIMARY KEY, a_id int);\n"
        "ALTER TABLE a ADD FOREIGN KEY (b_id) REFERENCES b (id)"
    ),
    "constraint_using_index": (
        "CREATE TABLE t (a int);\nCREATE UNIQUE INDEX i ON t (a);\n"
        "ALTER TABLE t ADD CONSTRAINT u UNIQUE USING INDEX i"
    ),
    "not_valid_constraint": "CREATE TABLE t (a int);\nALTER TABLE t ADD CHECK (a > 0) NOT VALID",
    "table_created_as_query": "CREATE TABLE t AS SELECT 1 AS a;\nALTER TABLE t ADD PRIMARY KEY (a)",
    "prepare_statement_is_not_2pc": "PREPARE q AS SELECT 1",
    "select_is_not_dml": "SELECT set_config('x.y', 'z', false)",
    "begin_atomic_body_is_not_transaction_control": (
        "CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; END"
    ),
}


@pytest.mark.parametrize("case", sorted(NEGATIVE))
def test_rule_does_not_fire(tmp_path: Path, case: str) -> None:
    assert check(tmp_path, NEGATIVE[case]) == []


def test_all_problems_reported_at_once_in_order(tmp_path: Path) -> None:
    script = (
        "BEGIN;\n"
        "CREATE TABLE IF NOT EXISTS t (a int);\n"
        "INSERT INTO t VALUES (1);\n"
        "DROP TABLE t;\n"
        "COMMIT;\n"
    )
    assert codes(tmp_path, script) == [
        "transaction_control",
        "if_not_exists",
        "dml",
        "drop_statement",
        "transaction_control",
    ]


def test_one_foldable_warning_per_action(tmp_path: Path) -> None:
    script = (
        "CREATE TABLE t (a int);\n"
        "ALTER TABLE t ADD COLUMN b int, ENABLE ROW LEVEL SECURITY, ALTER COLUMN a SET NOT NULL;"
    )
    assert check(tmp_path, script) == [
        ("warning", "alter_table_foldable", 2, 15),
        ("warning", "alter_table_foldable", 2, 60),
    ]


def test_foldable_message_points_at_the_create(tmp_path: Path) -> None:
    (tmp_path / "s.lp.sql").write_text(
        "\nCREATE TABLE t (a int);\nALTER TABLE t ADD b int;", encoding="utf-8"
    )
    [diag] = read_source([tmp_path / "s.lp.sql"], cwd=tmp_path).diagnostics
    assert "s.lp.sql:2:1" in diag.message
    assert diag.hint


def test_strict_turns_warnings_into_errors(tmp_path: Path) -> None:
    script = "CREATE TABLE IF NOT EXISTS t (a int);\nCREATE OR REPLACE VIEW v AS SELECT 1"
    relaxed = read_source([_write(tmp_path, script)], cwd=tmp_path)
    strict = read_source([_write(tmp_path, script)], strict=True, cwd=tmp_path)
    assert [d.severity for d in relaxed.diagnostics] == ["warning", "warning"]
    assert not relaxed.has_errors
    assert [(d.severity, d.code) for d in strict.diagnostics] == [
        ("error", "if_not_exists"),
        ("error", "create_or_replace"),
    ]
    assert strict.has_errors


def _write(tmp_path: Path, script: str) -> Path:
    path = tmp_path / "s.lp.sql"
    path.write_text(script, encoding="utf-8")
    return path


KINDS = {
    "CREATE TABLE t (a int)": "create_table",
    "CREATE UNLOGGED TABLE t (a int)": "create_table",
    "CREATE UNIQUE INDEX CONCURRENTLY i ON t (a)": "create_index",
    "CREATE TYPE mood AS ENUM ('a')": "create_type",
    "CREATE DOMAIN posint AS int CHECK (VALUE > 0)": "create_domain",
    "CREATE EXTENSION citext": "create_extension",
    "CREATE SCHEMA app": "create_schema",
    "CREATE SEQUENCE s": "create_sequence",
    "CREATE POLICY p ON t USING (true)": "create_policy",
    "CREATE OR REPLACE FUNCTION f() RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql": "create_function",
    "CREATE PROCEDURE p() LANGUAGE sql AS $$ SELECT 1 $$": "create_procedure",
    "CREATE OR REPLACE TEMP RECURSIVE VIEW v (n) AS SELECT 1": "create_view",
    "CREATE MATERIALIZED VIEW m AS SELECT 1": "create_materialized_view",
    "CREATE CONSTRAINT TRIGGER tr AFTER INSERT ON t FOR EACH ROW EXECUTE FUNCTION f()": (
        "create_trigger"
    ),
    "CREATE FOREIGN TABLE ft (a int) SERVER s": "create_foreign_table",
    "CREATE COLLATION c (provider = icu, locale = 'und')": "create_collation",
    "CREATE TEXT SEARCH CONFIGURATION c (COPY = english)": "create_other",
    "ALTER TABLE t ADD b int": "alter_table",
    "ALTER SEQUENCE s OWNED BY t.a": "alter_other",
    "COMMENT ON TABLE t IS 'x'": "comment",
    "GRANT SELECT ON t TO PUBLIC": "grant",
    "DROP VIEW v": "drop",
    "WITH x AS (DELETE FROM t RETURNING *) SELECT * FROM x": "dml",
    "WITH x AS (SELECT 1) SELECT * FROM x": "select",
    "SET search_path = app": "set",
    "PREPARE TRANSACTION 'x'": "transaction_control",
    "VACUUM t": "other",
}


@pytest.mark.parametrize("sql", sorted(KINDS))
def test_statement_kind(tmp_path: Path, sql: str) -> None:
    [statement] = read_source([_write(tmp_path, sql)], cwd=tmp_path).statements
    assert statement.kind == KINDS[sql]
    assert statement.kind in STATEMENT_KINDS
