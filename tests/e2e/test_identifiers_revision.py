"""Hostile identifiers through ``alembic revision --lockplane``, ``upgrade`` and ``downgrade``.

The revision is Python source holding the DDL: names with quotes, backslashes, ``%``,
`` :name``, unicode and server-truncated lengths must survive being written into it, run
online and offline (``--sql``), and come back out in the downgrade.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from test_alembic_support import BIN, Project

from alembic_lockplane import engine
from alembic_lockplane.model.objects import Schema

pytestmark = pytest.mark.db

LONG = "a_very_long_table_name_that_goes_on_and_on_past_the_limit_of_postgres_names"

TORTURE = f'''
CREATE SCHEMA "my schema";
CREATE SCHEMA "user";
CREATE TYPE "my schema"."it's" AS ENUM ('it''s', 'say "hi"', '50%', 'a :b', 'back\\slash');
CREATE TABLE "my schema"."it's ""quoted""" (
    "a b" int PRIMARY KEY,
    "x""y" text DEFAULT 'O''Reilly :name %s %%',
    "naïve 😀" "my schema"."it's" DEFAULT 'a :b',
    "c$d.e" text CONSTRAINT "it's a check" CHECK ("c$d.e" <> '$$')
);
CREATE TABLE "user"."{LONG}" (
    "select" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    "Mixed" int REFERENCES "my schema"."it's ""quoted""" ("a b")
);
CREATE INDEX "ix ""q"" %" ON "my schema"."it's ""quoted""" (lower("x""y"));
COMMENT ON TABLE "user"."{LONG}" IS 'it''s 100% :done \\n';
'''


def _without_version_table(schema: Schema) -> Schema:
    tables = tuple(t for t in schema.tables if t.name != "alembic_version")
    return Schema(schema.namespaces, schema.extensions, schema.enums, schema.sequences, tables,
                  schema.indexes)  # fmt: skip


def test_torture_schema_through_alembic_revision_upgrade_and_downgrade(
    tmp_path: Path, db_url: str, pg_server: str
) -> None:
    done = subprocess.run(
        [str(BIN / "lockplane"), "init", "app"],
        cwd=tmp_path, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    project = Project(tmp_path / "app", db_url, shadow_url=pg_server)
    ini = project.root / "alembic.ini"  # manage every schema, not only public
    ini.write_text(ini.read_text("utf-8").replace("schemas = public\n", "schemas =\n"), "utf-8")
    project.extra_env["LOCKPLANE_NO_CACHE"] = "1"
    project.write_schema(TORTURE)
    start = engine.introspect_url(db_url)
    desired = engine.load_desired(
        project.root / "schema.lp.sql", shadow_url=pg_server, cwd=project.root
    )

    project.alembic("revision", "--lockplane", "-m", "torture")
    (revision,) = project.revisions()
    compile(revision.read_text("utf-8"), str(revision), "exec")  # still valid Python

    offline = project.alembic("upgrade", "head", "--sql")
    assert f'"user".{LONG[:63]} ' in offline.stdout
    assert "'O''Reilly :name %s %%'" in offline.stdout

    project.alembic("upgrade", "head")
    after = _without_version_table(engine.introspect_url(db_url))
    assert after == desired
    assert engine.make_plan(after, desired).steps == ()

    again = project.alembic("revision", "--lockplane", "-m", "nothing")
    assert len(project.revisions()) == 1, again.stderr  # converged: no second revision

    project.alembic("downgrade", "base")
    assert _without_version_table(engine.introspect_url(db_url)) == start
