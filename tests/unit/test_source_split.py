"""Statement splitting and positions: the tricky lexical cases of PostgreSQL, both lexers.

Every case is run through the sqlglot-based tokenizer (the normal path) and through the
hand-written fallback lexer, so the fallback is held to the same behaviour.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from alembic_lockplane.model.objects import Origin
from alembic_lockplane.source import lexer, split, tokens
from alembic_lockplane.source.lexer import LexResult
from alembic_lockplane.source.split import split_text


@pytest.fixture(params=["sqlglot", "fallback"])
def use_lexer(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    chosen: Callable[[str], LexResult] = (
        tokens.tokenize if request.param == "sqlglot" else lexer.scan
    )
    monkeypatch.setattr(split, "tokenize", chosen)
    return str(request.param)


def texts(script: str) -> list[str]:
    return [s.text for s in split_text(script, "f.lp.sql").statements]


def origins(script: str) -> list[tuple[int, int]]:
    return [(s.origin.line, s.origin.column) for s in split_text(script, "f.lp.sql").statements]


# (script, expected statement texts)
SPLIT_CASES = {
    "plain": (
        "CREATE TABLE a (x int);\nCREATE TABLE b (y int);",
        ["CREATE TABLE a (x int)", "CREATE TABLE b (y int)"],
    ),
    "no_trailing_semicolon": ("SELECT 1;\nSELECT 2", ["SELECT 1", "SELECT 2"]),
    "empty_statements_dropped": (";;SELECT 1;; ;", ["SELECT 1"]),
    "dollar_body": (
        "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;\nCREATE TABLE t (a int);",
        [
            "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql",
            "CREATE TABLE t (a int)",
        ],
    ),
    "tagged_dollar_with_inner_dollars": (
        "CREATE FUNCTION f() RETURNS text AS $fn$ SELECT $$;$$; $fn$ LANGUAGE sql; SELECT 2",
        ["CREATE FUNCTION f() RETURNS text AS $fn$ SELECT $$;$$; $fn$ LANGUAGE sql", "SELECT 2"],
    ),
    "e_string_escaped_quote": (
        "SELECT E'it\\'s; fine', 'a''b;c'; SELECT 2",
        ["SELECT E'it\\'s; fine', 'a''b;c'", "SELECT 2"],
    ),
    "standard_string_backslash_is_literal": (
        "SELECT 'C:\\'; SELECT 2",
        ["SELECT 'C:\\'", "SELECT 2"],
    ),
    "nested_comments": (
        "/* outer /* inner ; */ still ; */ SELECT 1; SELECT 2",
        ["SELECT 1", "SELECT 2"],
    ),
    "semicolon_in_identifier": (
        'SELECT "a;b" FROM t; SELECT 2',
        ['SELECT "a;b" FROM t', "SELECT 2"],
    ),
    "semicolon_in_line_comment": (
        "SELECT 1 -- not ; the end\n, 2; SELECT 3",
        ["SELECT 1 -- not ; the end\n, 2", "SELECT 3"],
    ),
    "comment_before_semicolon_not_in_text": ("SELECT 1 -- c\n; SELECT 2", ["SELECT 1", "SELECT 2"]),
    "begin_atomic_body": (
        "CREATE FUNCTION f() RETURNS int LANGUAGE sql\nBEGIN ATOMIC\n  SELECT 1;\n  SELECT CASE "
        "WHEN true THEN 2 END;\nEND;\nSELECT 3",
        [
            "CREATE FUNCTION f() RETURNS int LANGUAGE sql\nBEGIN ATOMIC\n  SELECT 1;\n"
            "  SELECT CASE WHEN true THEN 2 END;\nEND",
            "SELECT 3",
        ],
    ),
    "table_named_function_with_column_begin": (
        "CREATE TABLE function (begin int); SELECT 2",
        ["CREATE TABLE function (begin int)", "SELECT 2"],
    ),
    "or_replace_procedure_begin_atomic": (
        "CREATE OR REPLACE PROCEDURE p() BEGIN ATOMIC SELECT 1; END; SELECT 2",
        ["CREATE OR REPLACE PROCEDURE p() BEGIN ATOMIC SELECT 1; END", "SELECT 2"],
    ),
    "create_rule_parenthesised_actions": (
        "CREATE RULE r AS ON INSERT TO t DO ALSO (NOTIFY a; NOTIFY b); SELECT 1",
        ["CREATE RULE r AS ON INSERT TO t DO ALSO (NOTIFY a; NOTIFY b)", "SELECT 1"],
    ),
}


@pytest.mark.parametrize("case", sorted(SPLIT_CASES))
def test_split(case: str, use_lexer: str) -> None:
    script, expected = SPLIT_CASES[case]
    assert texts(script) == expected


def test_leading_comments_trimmed_and_origin_at_first_token(use_lexer: str) -> None:
    script = "-- header\n/* block\n comment */\n\n   CREATE TABLE t (a int);"
    [stmt] = split_text(script, "s.lp.sql").statements
    assert stmt.text == "CREATE TABLE t (a int)"
    assert stmt.origin == Origin("s.lp.sql", 5, 4)


def test_statement_after_dollar_quoted_body_has_right_position(use_lexer: str) -> None:
    script = (
        "CREATE FUNCTION f() RETURNS int AS $body$\n"
        "BEGIN\n"
        "  -- a ; inside\n"
        "  RETURN 1;\n"
        "END\n"
        "$body$ LANGUAGE plpgsql;\n"
        "\n"
        "  CREATE TABLE after_fn (a int);\n"
    )
    assert origins(script) == [(1, 1), (8, 3)]


def test_crlf_line_endings(use_lexer: str) -> None:
    script = "SELECT 1;\r\n\r\nCREATE TABLE t (\r\n  a int\r\n);\r\n  SELECT 2;"
    stmts = split_text(script, "w.lp.sql").statements
    assert [(s.origin.line, s.origin.column) for s in stmts] == [(1, 1), (3, 1), (6, 3)]
    assert stmts[1].text == "CREATE TABLE t (\r\n  a int\r\n)"
    # 'a' is character 21 of the statement (\r counts, as in PostgreSQL's positions)
    assert stmts[1].text[20] == "a"
    assert stmts[1].origin_at(21) == Origin("w.lp.sql", 4, 3)


def test_tab_counts_as_one_column(use_lexer: str) -> None:
    assert origins("\t\tSELECT 1;\n\tSELECT 2") == [(1, 3), (2, 2)]


def test_non_ascii_counts_characters_not_bytes(use_lexer: str) -> None:
    # 'é' is two bytes in UTF-8 but one column, as editors and PostgreSQL count it
    assert origins("SELECT 'é'; SELECT 2") == [(1, 1), (1, 13)]


def test_origin_at_maps_postgres_positions(use_lexer: str) -> None:
    script = "SELECT 1;\n\n  CREATE TABLE t (\n    a nosuchtype\n  );"
    stmt = split_text(script, "x.lp.sql").statements[1]
    position = stmt.text.index("nosuchtype") + 1  # PostgreSQL positions are 1-based
    assert stmt.origin_at(position) == Origin("x.lp.sql", 4, 7)
    assert stmt.origin_at(1) == stmt.origin
    # out-of-range positions clamp into the statement instead of pointing nowhere
    assert stmt.origin_at(10_000) == Origin("x.lp.sql", 5, 3)


def test_meta_command_reported_at_its_position_and_skipped(use_lexer: str) -> None:
    script = "SELECT 1;\n  \\set ON_ERROR_STOP on\n\\i other.sql\nSELECT 2;"
    result = split_text(script, "m.lp.sql")
    assert [s.text for s in result.statements] == ["SELECT 1", "SELECT 2"]
    assert [(d.code, d.line, d.column) for d in result.diagnostics] == [
        ("psql_meta_command", 2, 3),
        ("psql_meta_command", 3, 1),
    ]
    assert "\\set" in result.diagnostics[0].message


def test_meta_command_with_odd_quote_does_not_swallow_the_file(use_lexer: str) -> None:
    script = "\\echo it's\nCREATE TABLE t (a int);\n\\echo /*\nSELECT 2;"
    result = split_text(script, "m.lp.sql")
    assert [s.text for s in result.statements] == ["CREATE TABLE t (a int)", "SELECT 2"]
    assert [d.line for d in result.diagnostics] == [1, 3]


def test_backslash_inside_strings_is_not_a_meta_command(use_lexer: str) -> None:
    script = "SELECT E'\n\\\\n';\nSELECT $$\n\\i x\n$$;"
    result = split_text(script, "m.lp.sql")
    assert result.diagnostics == ()
    assert len(result.statements) == 2


@pytest.mark.parametrize(
    ("script", "line", "column", "what"),
    [
        ("SELECT 1;\nSELECT 'open;\nSELECT 2;", 2, 8, "quoted string"),
        ("SELECT 1;\n  /* a /* b */ SELECT 2;", 2, 3, "comment"),
        ("SELECT 1;\nCREATE FUNCTION f() AS $x$ SELECT 1; $y$;", 2, 24, "dollar-quoted"),
        ('SELECT 1;\nSELECT "open', 2, 8, "quoted identifier"),
        ("SELECT E'it\\';", 1, 8, "quoted string"),
    ],
)
def test_unterminated_literal_reported_where_it_starts(
    script: str, line: int, column: int, what: str
) -> None:
    result = split_text(script, "u.lp.sql")
    [diag] = result.diagnostics
    assert (diag.code, diag.severity, diag.line, diag.column) == (
        "unterminated",
        "error",
        line,
        column,
    )
    assert what in diag.message
    # the complete statements before it are still checked; the broken one is not kept
    assert [s.text for s in result.statements] == (
        ["SELECT 1"] if script.startswith("SELECT 1;") else []
    )


def _named(result: LexResult) -> list[tuple[str, str]]:
    return [(t.kind, t.text) for t in result.tokens if t.kind in ("string", "ident", "word")]


def test_fallback_lexer_agrees_with_sqlglot_on_token_boundaries() -> None:
    script = (
        'CREATE TABLE "Odd ""name" (a int DEFAULT 1.5e3, b text DEFAULT E\'x\\\'y\', '
        "c bit(3) DEFAULT B'101', U&\"d\\0061t\" int, d bytea DEFAULT '\\x00'::bytea, "
        "e numeric(10,2) CHECK (e > 0));\n"
        "CREATE FUNCTION g(int) RETURNS int AS $q$ SELECT $1 $q$ LANGUAGE sql"
    )
    ours = lexer.scan(script)
    theirs = tokens.tokenize(script)
    assert _named(ours) == _named(theirs)
    assert [t.text for t in ours.tokens if t.kind == "semicolon"] == [";"]


def test_rename_hints_captured_with_position_and_target(use_lexer: str) -> None:
    script = (
        "-- lockplane: renamed from people\n"
        "CREATE TABLE persons (\n"
        "  id int,\n"
        "  -- lockplane: renamed from mail\n"
        '  "Email" text\n'
        ");\n"
    )
    [stmt] = split_text(script, "h.lp.sql").statements
    assert [(h.old_name, h.target, h.origin.line, h.origin.column) for h in stmt.hints] == [
        ("people", None, 1, 1),
        ("mail", '"Email"', 4, 3),
    ]
    assert stmt.hints[1].text == "-- lockplane: renamed from mail"


def test_hint_comment_inside_string_or_block_comment_is_ignored(use_lexer: str) -> None:
    script = "/* -- lockplane: renamed from a */\nSELECT '-- lockplane: renamed from b';"
    [stmt] = split_text(script, "h.lp.sql").statements
    assert stmt.hints == ()


def test_dangling_and_unknown_directives_warn(use_lexer: str) -> None:
    script = "-- lockplane: ignore this\nSELECT 1;\n-- lockplane: renamed from gone\n"
    result = split_text(script, "h.lp.sql")
    assert [(d.code, d.severity, d.line) for d in result.diagnostics] == [
        ("unknown_directive", "warning", 1),
        ("dangling_directive", "warning", 3),
    ]


def test_command_statements_keep_exact_text_and_tokens(use_lexer: str) -> None:
    script = (
        "DO $$ BEGIN PERFORM 1; END $$;\n"
        "PREPARE q AS SELECT 'a;b' -- trailing; comment\n;\n"
        "EXECUTE q('x;y');\n"
        "VACUUM t\n\\i other.sql\n;\n"
        "SELECT 2"
    )
    result = split_text(script, "c.lp.sql")
    assert [s.text for s in result.statements] == [
        "DO $$ BEGIN PERFORM 1; END $$",
        "PREPARE q AS SELECT 'a;b'",
        "EXECUTE q('x;y')",
        "VACUUM t",
        "SELECT 2",
    ]
    assert [t.text for t in result.statements[1].tokens] == [
        "PREPARE",
        "q",
        "AS",
        "SELECT",
        "'a;b'",
    ]
    assert [(d.code, d.line) for d in result.diagnostics] == [("psql_meta_command", 6)]
