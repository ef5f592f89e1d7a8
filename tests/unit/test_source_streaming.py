"""The static pass reads a file piece by piece and keeps no tokens, with the same results.

``read_source`` hands statements to the rules as the tokenizer produces them (``split_into``,
``rules.Checker``) instead of tokenizing the whole file and then checking the whole list. These
tests hold it to the whole-file reading (``tokenize`` + ``split_text`` + ``check``): the same
statements, rename hints, diagnostics and order, on every planner case file and on inputs made
to cross piece boundaries, with pieces as small as one character.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from alembic_lockplane.source import read_source, split_text
from alembic_lockplane.source import tokens as tokens_mod
from alembic_lockplane.source.rules import check
from alembic_lockplane.source.tokens import WholeFile, stream_tokens, tokenize

ROOT = Path(__file__).resolve().parents[2]
CASE_FILES = sorted((ROOT / "tests" / "cases").glob("*/*.sql"))

TRICKY = """\
-- lockplane: renamed from people
CREATE TABLE users (
    id int PRIMARY KEY,
    -- lockplane: renamed from mail
    email text DEFAULT ';
',
    note text DEFAULT $body$ a;
b $body$
);
/* a comment;
*/
ALTER TABLE users ADD COLUMN age int;
ALTER TABLE users ADD CONSTRAINT fk FOREIGN KEY (id) REFERENCES later (id);
CREATE TABLE later (id int PRIMARY KEY);
CREATE TABLE IF NOT EXISTS t2 (a int);
CREATE OR REPLACE FUNCTION f() RETURNS int LANGUAGE sql
BEGIN ATOMIC
  SELECT 1;
  SELECT CASE WHEN true THEN 1 END;
END;
-- lockplane: frobnicate
DO $$ BEGIN PERFORM 1; END $$;
DROP TABLE x;
INSERT INTO users VALUES (1);
-- lockplane: renamed from nothing
"""

META = "CREATE TABLE a (id int);\n\\set x 1\nCREATE TABLE b (id int);\n"
UNTERMINATED = "CREATE TABLE a (id int);\nCREATE TABLE b (t text DEFAULT 'oops);\n"


def whole_file(path: Path, text: str, tmp_path: Path) -> tuple[list[object], list[object]]:
    """What read_source gave before: every token of the file, then every rule at once."""
    split = split_text(text, path.name)
    diags = sorted([*split.diagnostics, *check(split.statements)], key=lambda d: (d.line, d.column))
    return [(s, s.hints) for s in split.statements], diags


@pytest.mark.parametrize("chunk", [1, 40, 1 << 16])
def test_every_case_file_reads_as_the_whole_file_reading_does(
    chunk: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tokens_mod, "CHUNK", chunk)
    inputs = {p: p.read_text(encoding="utf-8") for p in CASE_FILES}
    inputs.update({tmp_path / n: t for n, t in [("t.sql", TRICKY), ("m.sql", META)]})
    inputs[tmp_path / "u.sql"] = UNTERMINATED
    assert len(inputs) > 100
    for path, text in inputs.items():
        target = tmp_path / "in" / path.name
        target.parent.mkdir(exist_ok=True)
        target.write_text(text, encoding="utf-8")
        parsed = read_source([target], cwd=target.parent)
        statements, diags = whole_file(target, text, tmp_path)
        assert [(s, s.hints) for s in parsed.statements] == statements, path
        found = [d for d in parsed.diagnostics if d.code != "empty_source"]
        assert found == diags, path
        assert all(s.tokens == () for s in parsed.statements)


def test_tricky_input_keeps_hints_and_every_diagnostic(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tokens_mod, "CHUNK", 1)
    path = tmp_path / "s.lp.sql"
    path.write_text(TRICKY, encoding="utf-8")
    parsed = read_source([path], cwd=tmp_path)
    users = parsed.statements[0]
    assert [(h.old_name, h.target) for h in users.hints] == [("people", None), ("mail", "email")]
    assert sorted({d.code for d in parsed.diagnostics}) == [
        "alter_table_foldable",
        "create_or_replace",
        "dangling_directive",
        "dml",
        "drop_statement",
        "if_not_exists",
        "unknown_directive",
    ]
    # the foreign key to a table created later is not foldable: one foldable warning only
    assert [d.line for d in parsed.diagnostics if d.code == "alter_table_foldable"] == [12]


def test_stream_tokens_equals_tokenize_or_asks_for_the_whole_file() -> None:
    for chunk in (1, 13, 1 << 16):
        assert tuple(stream_tokens(TRICKY, chunk)) == tokenize(TRICKY).tokens
    for text in (META, UNTERMINATED):
        with pytest.raises(WholeFile):
            list(stream_tokens(text, 1))


def test_the_garbage_collector_is_back_as_it_was_after_the_static_pass(tmp_path: Path) -> None:
    import gc

    good = tmp_path / "good.lp.sql"
    good.write_text(TRICKY, encoding="utf-8")
    missing = tmp_path / "missing.lp.sql"
    assert gc.isenabled()
    read_source([good, missing], cwd=tmp_path)  # one unreadable file: a diagnostic
    assert gc.isenabled()
    gc.disable()
    try:
        read_source([good], cwd=tmp_path)
        assert not gc.isenabled()
    finally:
        gc.enable()
