"""DDL in a lockplane revision reaches PostgreSQL byte for byte, online and offline.

``op.execute("...")`` would bind ``:name`` online and write ``%`` as ``%%`` offline; the
revision's ``lp.execute`` must do neither. The revision here is rendered from a hand-made
plan through our template and run by the real ``alembic`` executable.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parents[1] / "unit"))

from test_alembic_render import FUNCTION, INDEX, TRICKY, render_file, tricky_plan
from test_alembic_support import Project

from alembic_lockplane.plan.model import Plan

pytestmark = pytest.mark.db


def project_with(tmp_path: Path, db_url: str, plan: Plan) -> Project:
    project = Project.create(tmp_path / "proj", db_url)
    source = render_file(plan).replace("Revision ID: 0001", "Revision ID: 0001")
    (project.versions / "0001_add_notes.py").write_text(source, encoding="utf-8")
    return project


def unguarded(plan: Plan) -> Plan:
    return Plan(source_hash="", target_hash="", steps=plan.steps)


def test_online_upgrade_keeps_colons_percents_backslashes_and_dollar_bodies(
    tmp_path: Path, db_url: str
) -> None:
    project = project_with(tmp_path, db_url, unguarded(tricky_plan()))
    project.alembic("upgrade", "head")
    defaults = dict(
        project.query(
            "SELECT a.attname, pg_get_expr(d.adbin, d.adrelid) FROM pg_attrdef d "
            "JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum "
            "WHERE d.adrelid = 'public.notes'::regclass"
        )
    )
    assert defaults["note"] == "'ratio: 50% :name \\ back'::text"
    assert defaults["tag"] == "'a\\b'::text"
    [(body,)] = project.query("SELECT prosrc FROM pg_proc WHERE proname = 'f'")
    assert body == " BEGIN RETURN 'x :y %s %%'; END "
    [(comment,)] = project.query("SELECT obj_description('public.notes'::regclass, 'pg_class')")
    assert comment == 'caf\u00e9 "quoted" :z \u2013 \U0001f600'
    [(valid,)] = project.query(
        "SELECT indisvalid FROM pg_index WHERE indexrelid = 'public.notes_note_idx'::regclass"
    )
    assert valid is True


def test_downgrade_undoes_every_step_including_the_concurrent_index(
    tmp_path: Path, db_url: str
) -> None:
    project = project_with(tmp_path, db_url, unguarded(tricky_plan()))
    project.alembic("upgrade", "head")
    project.alembic("downgrade", "base")
    assert project.query("SELECT to_regclass('public.notes'), to_regproc('public.f')") == [
        (None, None)
    ]


def test_offline_sql_is_verbatim(tmp_path: Path, db_url: str) -> None:
    project = project_with(tmp_path, db_url, tricky_plan())
    out = project.alembic("upgrade", "head", "--sql").stdout
    for statement in (TRICKY, FUNCTION, INDEX):
        assert statement + ";" in out
    assert "%%" not in out.replace("'x :y %s %%'", "")
    assert "-- lockplane guard: this revision expects schema hash " + "a" * 64 in out
    # the concurrent index is outside the revision's transaction
    commit = out.index("COMMIT;")
    assert commit < out.index(INDEX)
    assert project.query("SELECT to_regclass('public.notes')") == [(None,)]


def test_offline_output_runs_in_psql_semantics(tmp_path: Path, db_url: str) -> None:
    """The --sql script, run statement by statement as psql would, gives the same objects."""
    project = project_with(tmp_path, db_url, unguarded(tricky_plan()))
    out = project.alembic("upgrade", "head", "--sql").stdout
    # Alembic ends every statement with ';' and a blank line; the $$ body has no such end.
    for statement in out.split(";\n\n"):
        if statement.strip():
            project.execute(statement)
    [(body,)] = project.query("SELECT prosrc FROM pg_proc WHERE proname = 'f'")
    assert body == " BEGIN RETURN 'x :y %s %%'; END "
