"""read_source: several files, positions, encodings, digest, and the diagnostics formats."""

from __future__ import annotations

import json
from pathlib import Path

from alembic_lockplane.model.objects import Origin
from alembic_lockplane.source import (
    Diagnostic,
    diagnostics_json,
    discover,
    format_text,
    read_source,
)


def folder(tmp_path: Path, files: dict[str, bytes | str]) -> Path:
    d = tmp_path / "schema"
    d.mkdir(exist_ok=True)
    for name, content in files.items():
        data = content.encode("utf-8") if isinstance(content, str) else content
        (d / name).write_bytes(data)
    return d


def test_positions_across_a_folder(tmp_path: Path) -> None:
    folder(
        tmp_path,
        {
            "01_types.lp.sql": "CREATE TYPE mood AS ENUM ('ok', 'sad');\n",
            "02_users.lp.sql": "-- users\n\nCREATE TABLE users (\n  id int,\n  m mood\n);\n"
            "CREATE INDEX users_m ON users (m);\n",
        },
    )
    files = discover(None, cwd=tmp_path, env={})
    parsed = read_source(files, cwd=tmp_path)
    assert [(s.kind, str(s.origin)) for s in parsed.statements] == [
        ("create_type", "schema/01_types.lp.sql:1:1"),
        ("create_table", "schema/02_users.lp.sql:3:1"),
        ("create_index", "schema/02_users.lp.sql:7:1"),
    ]
    assert parsed.diagnostics == ()
    assert not parsed.has_errors
    assert parsed.files == tuple(files)


def test_errors_in_second_file_point_there(tmp_path: Path) -> None:
    folder(
        tmp_path,
        {
            "a.lp.sql": "CREATE TABLE a (x int);\n",
            "b.lp.sql": "CREATE TABLE b (y int);\n\n    DROP TABLE a;\n",
        },
    )
    parsed = read_source(discover(None, cwd=tmp_path, env={}), cwd=tmp_path)
    assert [format_text(d).split(": ")[0] for d in parsed.diagnostics] == ["schema/b.lp.sql:3:5"]
    assert parsed.has_errors


def test_diagnostics_sorted_by_file_order_then_position(tmp_path: Path) -> None:
    folder(
        tmp_path,
        {
            "b.lp.sql": "TRUNCATE t;\nBEGIN;",
            "a.lp.sql": "SELECT 1;\n\\i x\nDROP TABLE t;",
        },
    )
    parsed = read_source(discover(None, cwd=tmp_path, env={}), cwd=tmp_path)
    assert [(d.file, d.line) for d in parsed.diagnostics] == [
        ("schema/a.lp.sql", 2),
        ("schema/a.lp.sql", 3),
        ("schema/b.lp.sql", 1),
        ("schema/b.lp.sql", 2),
    ]


def test_invalid_utf8_is_a_diagnostic_with_position(tmp_path: Path) -> None:
    folder(
        tmp_path,
        {
            "a.lp.sql": b"CREATE TABLE a (x int);\nCOMMENT ON TABLE a IS 'caf\xe9';\n",
            "b.lp.sql": "DROP TABLE z;",
        },
    )
    parsed = read_source(discover(None, cwd=tmp_path, env={}), cwd=tmp_path)
    assert [(d.code, d.file, d.line, d.column) for d in parsed.diagnostics] == [
        ("invalid_utf8", "schema/a.lp.sql", 2, 27),
        ("drop_statement", "schema/b.lp.sql", 1, 1),
    ]
    assert "0xe9" in parsed.diagnostics[0].message
    # nothing of the unreadable file is handed to the loader
    assert [s.kind for s in parsed.statements] == ["drop"]


def test_utf8_bom_is_ignored(tmp_path: Path) -> None:
    folder(tmp_path, {"a.lp.sql": b"\xef\xbb\xbfCREATE TABLE a (x int);"})
    parsed = read_source(discover(None, cwd=tmp_path, env={}), cwd=tmp_path)
    assert parsed.statements[0].text == "CREATE TABLE a (x int)"
    assert parsed.statements[0].origin == Origin("schema/a.lp.sql", 1, 1)


def test_empty_source_warns(tmp_path: Path) -> None:
    folder(tmp_path, {"a.lp.sql": "-- nothing yet\n"})
    parsed = read_source(discover(None, cwd=tmp_path, env={}), cwd=tmp_path)
    assert [(d.severity, d.code) for d in parsed.diagnostics] == [("warning", "empty_source")]


def test_file_outside_cwd_shown_absolute(tmp_path: Path) -> None:
    f = tmp_path / "x.lp.sql"
    f.write_text("TRUNCATE t;", encoding="utf-8")
    (tmp_path / "work").mkdir()
    [diag] = read_source([f], cwd=tmp_path / "work").diagnostics
    assert diag.file == f.as_posix()


def test_digest_tracks_content_and_names(tmp_path: Path) -> None:
    d = folder(tmp_path, {"a.lp.sql": "SELECT 1;", "b.lp.sql": "SELECT 2;"})
    files = discover(d, cwd=tmp_path, env={})
    first = read_source(files, cwd=tmp_path).digest
    assert read_source(files, cwd=tmp_path).digest == first
    assert len(first) == 64
    (d / "b.lp.sql").write_text("SELECT 3;", encoding="utf-8")
    changed = read_source(files, cwd=tmp_path).digest
    assert changed != first
    (d / "b.lp.sql").rename(d / "c.lp.sql")
    renamed = read_source(discover(d, cwd=tmp_path, env={}), cwd=tmp_path).digest
    assert renamed not in (first, changed)
    # moving a statement from one file to the other changes the digest too
    (d / "a.lp.sql").write_text("SELECT 1;SELECT 3;", encoding="utf-8")
    (d / "c.lp.sql").write_text("", encoding="utf-8")
    assert read_source(discover(d, cwd=tmp_path, env={}), cwd=tmp_path).digest != renamed


def test_diagnostics_json_shape() -> None:
    diags = [
        Diagnostic(
            "error",
            "drop_statement",
            "DROP TABLE is not allowed",
            "schema/u.lp.sql",
            5,
            3,
            "delete it",
        ),
        Diagnostic("warning", "if_not_exists", "no effect", "schema/u.lp.sql", 7, 1),
    ]
    text = diagnostics_json(diags)
    assert text.endswith("}\n")
    assert text.startswith('{\n  "diagnostics": [\n    {\n      "severity": "error",')
    assert json.loads(text) == {
        "diagnostics": [
            {
                "severity": "error",
                "code": "drop_statement",
                "message": "DROP TABLE is not allowed",
                "file": "schema/u.lp.sql",
                "line": 5,
                "column": 3,
                "hint": "delete it",
            },
            {
                "severity": "warning",
                "code": "if_not_exists",
                "message": "no effect",
                "file": "schema/u.lp.sql",
                "line": 7,
                "column": 1,
            },
        ],
        "summary": {"errors": 1, "warnings": 1, "valid": False},
    }


def test_diagnostics_json_empty_is_valid() -> None:
    assert json.loads(diagnostics_json([])) == {
        "diagnostics": [],
        "summary": {"errors": 0, "warnings": 0, "valid": True},
    }


def test_format_text() -> None:
    with_hint = Diagnostic(
        "error",
        "drop_statement",
        "DROP TABLE is not allowed",
        "schema/users.lp.sql",
        5,
        3,
        "delete it",
    )
    assert format_text(with_hint) == (
        "schema/users.lp.sql:5:3: error[drop_statement]: DROP TABLE is not allowed "
        "(hint: delete it)"
    )
    bare = Diagnostic("warning", "if_not_exists", "no effect", "s.lp.sql", 1, 14)
    assert format_text(bare) == "s.lp.sql:1:14: warning[if_not_exists]: no effect"
