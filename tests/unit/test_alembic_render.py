"""The revision file rendered from a hand-made plan: exact, readable, ruff-clean, stable."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from alembic.util import format_as_comma
from mako.template import Template

from alembic_lockplane.integration.render import render_body
from alembic_lockplane.integration.templates import revision_template
from alembic_lockplane.plan.model import Finding, Plan, Safety, Step

TRICKY = (
    "CREATE TABLE public.notes (id integer NOT NULL, note text DEFAULT 'ratio: 50% :name \\ "
    "back', tag text DEFAULT E'a\\\\b', body text DEFAULT 'a fairly long default value that "
    "pushes the statement well past the line length limit of one hundred columns')"
)
FUNCTION = (
    "CREATE FUNCTION public.f() RETURNS text\n    LANGUAGE plpgsql\n"
    "    AS $$ BEGIN RETURN 'x :y %s %%'; END $$"
)
COMMENT = "COMMENT ON TABLE public.notes IS 'caf\u00e9 \"quoted\" :z \u2013 \U0001f600'"
INDEX = "CREATE INDEX CONCURRENTLY notes_note_idx ON public.notes USING btree (note)"


def tricky_plan() -> Plan:
    return Plan(
        source_hash="a" * 64,
        target_hash="b" * 64,
        steps=(
            Step("Create table notes", (TRICKY,), rollback=("DROP TABLE public.notes",)),
            Step("Create function f", (FUNCTION,), rollback=("DROP FUNCTION public.f()",)),
            Step("Comment on table notes", (COMMENT,),
                 rollback=("COMMENT ON TABLE public.notes IS NULL",)),
            Step(
                "Create index notes_note_idx",
                (INDEX,),
                safety=Safety.REVIEW,
                findings=(Finding("index_on_busy_table", Safety.REVIEW, "builds an index",
                                  "fine \u2013 it is concurrent"),),
                transactional=False,
                rollback=("DROP INDEX CONCURRENTLY public.notes_note_idx",),
                lock="SHARE UPDATE EXCLUSIVE",
            ),
        ),
    )  # fmt: skip


def render_file(plan: Plan, message: str = "add notes", *, lock_timeout: str | None = None) -> str:
    body = render_body(plan, schemas=("public",), source="schema.lp.sql", lock_timeout=lock_timeout)
    text: str = Template(filename=str(revision_template())).render(
        up_revision="0001",
        down_revision=None,
        branch_labels=None,
        depends_on=None,
        create_date="2026-01-01 00:00:00",
        message=message,
        comma=format_as_comma,
        lockplane=body,
        config=None,
    )
    return text


def executes_in_order(source: str, function: str) -> list[str]:
    tree = ast.parse(source)
    fn = next(n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == function)
    nodes = [
        n for n in ast.walk(fn)
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)
        and n.func.attr == "execute"
    ]  # fmt: skip
    nodes.sort(key=lambda n: (n.lineno, n.col_offset))
    out = []
    for n in nodes:
        arg = n.args[0]
        assert isinstance(arg, ast.Constant)
        out.append(arg.value)
    return out


def test_statements_survive_rendering_byte_for_byte() -> None:
    source = render_file(tricky_plan())
    assert executes_in_order(source, "upgrade") == [TRICKY, FUNCTION, COMMENT, INDEX]
    assert executes_in_order(source, "downgrade") == [
        "DROP INDEX CONCURRENTLY public.notes_note_idx",
        "COMMENT ON TABLE public.notes IS NULL",
        "DROP FUNCTION public.f()",
        "DROP TABLE public.notes",
    ]


def test_non_transactional_steps_sit_in_an_autocommit_block() -> None:
    source = render_file(tricky_plan())
    upgrade = source[source.index("def upgrade") : source.index("def downgrade")]
    block = upgrade[upgrade.index("autocommit_block") :]
    assert "CONCURRENTLY" in block and "CREATE TABLE" not in block
    assert "from alembic import op" in source


def test_each_step_has_a_comment_with_level_description_and_findings() -> None:
    source = render_file(tricky_plan())
    assert "# Step 1/4 [safe] Create table notes" in source
    assert "# Step 4/4 [review] Create index notes_note_idx" in source
    assert "#   review index_on_busy_table: builds an index" in source
    assert "#     hint: fine \\u2013 it is concurrent" in source
    assert "#   lock: SHARE UPDATE EXCLUSIVE" in source


def test_hashes_are_recorded() -> None:
    module: dict[str, object] = {}
    source = render_file(tricky_plan())
    tree = ast.parse(source)
    for node in tree.body:
        if isinstance(node, ast.Assign | ast.AnnAssign) and isinstance(node.value, ast.Constant):
            target = node.targets[0] if isinstance(node, ast.Assign) else node.target
            assert isinstance(target, ast.Name)
            module[target.id] = node.value.value
    assert module["source_hash"] == "a" * 64
    assert module["target_hash"] == "b" * 64
    assert module["revision"] == "0001"


def test_rendering_is_deterministic() -> None:
    assert render_file(tricky_plan()) == render_file(tricky_plan())


def test_file_is_ruff_clean_and_within_100_columns(tmp_path: Path) -> None:
    source = render_file(tricky_plan(), message='odd "quotes" \\ and caf\u00e9')
    assert max(len(line) for line in source.splitlines()) <= 100
    path = tmp_path / "0001_add_notes.py"
    path.write_text(source, encoding="utf-8")
    ruff = Path(sys.executable).parent / "ruff"
    out = subprocess.run(
        [str(ruff), "check", "--no-cache", "--isolated", "--line-length", "100",
         "--select", "E,F,W,I,UP,B,SIM,RUF", str(path)],
        capture_output=True, text=True,
    )  # fmt: skip
    assert out.returncode == 0, out.stdout + source


def test_irreversible_step_makes_downgrade_refuse_before_any_change() -> None:
    plan = Plan(
        source_hash="a" * 64,
        target_hash="b" * 64,
        steps=(
            Step("Create table x", ("CREATE TABLE public.x ()",), rollback=("DROP TABLE x",)),
            Step(
                "Drop enum value mood.sad",
                ("ALTER TYPE ...",),
                safety=Safety.DANGEROUS,
                findings=(Finding("drop_enum_value", Safety.DANGEROUS, "rows may use it", "no"),),
                rollback=None,
            ),
        ),
    )
    source = render_file(plan)
    down = source[source.index("def downgrade") :]
    assert executes_in_order(source, "downgrade") == []
    assert "lp.irreversible(" in down
    assert "Drop enum value mood.sad" in down and "rows may use it" in down
    assert "from alembic import op" not in source  # no autocommit block, no unused import


def test_lock_timeout_is_set_before_every_step_and_reset_after_autocommit_ones(
    tmp_path: Path,
) -> None:
    local, plain = "SET LOCAL lock_timeout = '750ms'", "SET lock_timeout = '750ms'"
    source = render_file(tricky_plan(), lock_timeout="750ms")
    assert executes_in_order(source, "upgrade") == [
        *(local, TRICKY, local, FUNCTION, local, COMMENT),
        *(plain, INDEX, "RESET lock_timeout"),
    ]
    assert executes_in_order(source, "downgrade") == [
        *(plain, "DROP INDEX CONCURRENTLY public.notes_note_idx", "RESET lock_timeout"),
        *(local, "COMMENT ON TABLE public.notes IS NULL", local, "DROP FUNCTION public.f()"),
        *(local, "DROP TABLE public.notes"),
    ]
    assert source == render_file(tricky_plan(), lock_timeout="750ms")
    assert "lock_timeout" not in render_file(tricky_plan())
    path = tmp_path / "0001_add_notes.py"
    path.write_text(source, encoding="utf-8")
    ruff = Path(sys.executable).parent / "ruff"
    out = subprocess.run(
        [str(ruff), "check", "--no-cache", "--isolated", "--line-length", "100",
         "--select", "E,F,W,I,UP,B,SIM,RUF", str(path)],
        capture_output=True, text=True,
    )  # fmt: skip
    assert out.returncode == 0, out.stdout + source
