"""Roles and privileges on the real ``lockplane`` command: a target whose grants name roles
only it has plans and dry-runs on the embedded shadow (which creates them), a configured
shadow without a role fails in one line naming it, and ``--no-privileges`` /
``manage_privileges = false`` plan no grants at all."""

from __future__ import annotations

import json
import secrets
import sys
from collections.abc import Iterator
from pathlib import Path

import psycopg2
import psycopg2.extensions
import pytest

from alembic_lockplane.db.url import libpq_dsn
from alembic_lockplane.render.quote import quote_ident

sys.path.insert(0, str(Path(__file__).parent))

from test_alembic_support import Project

pytestmark = pytest.mark.db


@pytest.fixture
def target_role(pg_server: str) -> Iterator[str]:
    """A role of the test server (the target) only, dropped there at the end. The embedded
    shadow of the CLI processes creates it as a NOLOGIN role and keeps it."""
    name = f"LP Target {secrets.token_hex(4)}"
    admin = psycopg2.connect(libpq_dsn(pg_server))
    admin.autocommit = True
    try:
        with admin.cursor() as cur:
            cur.execute(f"CREATE ROLE {quote_ident(name)} NOLOGIN")
        yield name
    finally:
        with admin.cursor() as cur:
            cur.execute(f"DROP ROLE IF EXISTS {quote_ident(name)}")
        admin.close()


def _steps_sql(stdout: str) -> list[str]:
    return [sql for step in json.loads(stdout)["steps"] for sql in step["sql"]]


def _role_exists(url: str, name: str) -> bool:
    conn = psycopg2.connect(libpq_dsn(url))
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,))
            return cur.fetchone() is not None
    finally:
        conn.close()


def test_grants_to_roles_of_the_target_only_plan_and_dry_run_on_the_embedded_shadow(
    run_lockplane,
    conn: psycopg2.extensions.connection,
    db_url: str,
    pg_server: str,
    tmp_path: Path,
    target_role: str,
) -> None:
    who = quote_ident(target_role)
    desired_only = f"lp_desired_{secrets.token_hex(4)}"
    with conn.cursor() as cur:
        cur.execute(
            "CREATE TABLE t (id int); ALTER TABLE t ENABLE ROW LEVEL SECURITY;"
            f"GRANT SELECT ON t TO {who}; CREATE POLICY p ON t TO {who} USING (true)"
        )
    (tmp_path / "schema.lp.sql").write_text(
        "CREATE TABLE t (id int, note text);\nALTER TABLE t ENABLE ROW LEVEL SECURITY;\n"
        "CREATE POLICY p ON t TO PUBLIC USING (true);\n"
        f"GRANT SELECT ON t TO {desired_only};\n",
        encoding="utf-8",
    )
    env = {"DATABASE_URL": db_url}  # no SHADOW_DATABASE_URL: the embedded shadow
    try:
        plan = run_lockplane("plan", "--from", db_url, "--to", "schema.lp.sql", env=env)
        assert plan.returncode == 0, plan.stderr
        assert _steps_sql(plan.stdout) == [
            f"REVOKE SELECT ON TABLE public.t FROM {who}",
            "ALTER TABLE public.t ADD COLUMN note text",
            "ALTER POLICY p ON public.t TO PUBLIC USING (true)",
            f"GRANT SELECT ON TABLE public.t TO {desired_only}",
        ]
        # the dry-run rebuilds the target's schema (grant and policy to the target's role)
        # on the embedded shadow; the desired schema's role is never created on the target
        dry = run_lockplane(
            "apply", "--schema", "schema.lp.sql", "--dry-run", "--auto-approve", env=env
        )
        assert dry.returncode == 0, dry.stderr
        assert json.loads(dry.stdout) == {"success": True, "steps_applied": 0, "dry_run": True}
        assert "the rollback ran and returned to the starting schema" in dry.stderr
        assert not _role_exists(pg_server, desired_only)

        for way in ("flag", "toml"):
            args = ["plan", "--from", db_url, "--to", "schema.lp.sql"]
            if way == "flag":
                args.append("--no-privileges")
            else:
                (tmp_path / ".git").mkdir(exist_ok=True)
                (tmp_path / "lockplane.toml").write_text(
                    "manage_privileges = false\n", encoding="utf-8"
                )
            plain = run_lockplane(*args, env=env)
            assert plain.returncode == 0, plain.stderr
            assert _steps_sql(plain.stdout) == [
                "ALTER TABLE public.t ADD COLUMN note text",
                "ALTER POLICY p ON public.t TO PUBLIC USING (true)",
            ]
        introspected = run_lockplane("introspect", "--db", db_url, env=env)
        assert json.loads(introspected.stdout).get("privileges", []) == []
        dry = run_lockplane(
            "apply", "--schema", "schema.lp.sql", "--dry-run", "--auto-approve", env=env
        )
        assert dry.returncode == 0, dry.stderr
    finally:
        with conn.cursor() as cur:
            cur.execute(f"DROP OWNED BY {who}")


def test_a_configured_shadow_without_the_role_fails_in_one_line_naming_it(
    run_lockplane, db_url: str, pg_server: str, tmp_path: Path
) -> None:
    missing = f"lp_nowhere_{secrets.token_hex(4)}"
    (tmp_path / "schema.lp.sql").write_text(
        f"CREATE TABLE t (id int);\nGRANT SELECT ON t TO {missing};\n", encoding="utf-8"
    )
    env = {"DATABASE_URL": db_url, "SHADOW_DATABASE_URL": pg_server}
    result = run_lockplane("plan", "--from", db_url, "--to", "schema.lp.sql", env=env)
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert errors == [f'error: schema.lp.sql:2:1: role "{missing}" does not exist']
    assert f'hint: the shadow server has no role "{missing}"' in result.stderr
    assert not _role_exists(pg_server, missing)


def _alembic_project(root: Path, db_url: str, *edits: tuple[str, str]) -> Project:
    """A project of our init template on the embedded shadow, its alembic.ini edited."""
    project = Project.create(root, db_url, shadow_url=None)
    ini = root / "alembic.ini"
    text = ini.read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text
        text = text.replace(old, new)
    ini.write_text(text, encoding="utf-8")
    return project


def test_alembic_revision_validates_on_the_embedded_shadow_with_target_only_roles(
    tmp_path: Path, db_url: str, target_role: str
) -> None:
    who = quote_ident(target_role)
    project = _alembic_project(tmp_path / "proj", db_url)
    project.execute(
        "CREATE TABLE t (id int); ALTER TABLE t ENABLE ROW LEVEL SECURITY;"
        f"GRANT SELECT ON t TO {who}; CREATE POLICY p ON t TO {who} USING (true)"
    )
    project.write_schema(
        "CREATE TABLE t (id int, note text);\nALTER TABLE t ENABLE ROW LEVEL SECURITY;\n"
        "CREATE POLICY p ON t TO PUBLIC USING (true);\n"
    )
    try:
        made = project.alembic(
            "revision", "--lockplane", "-m", "note", "--allow", "revoke_privilege"
        )
        assert "REVOKE SELECT ON TABLE public.t FROM" in project.revisions()[0].read_text()
        assert "failed" not in made.stderr
        project.alembic("upgrade", "head")
        assert project.query(
            "SELECT count(*) FROM information_schema.role_table_grants "
            f"WHERE grantee = '{target_role}'"
        ) == [(0,)]
    finally:
        project.execute(f"DROP OWNED BY {who}")


def test_alembic_ini_manage_owners_and_manage_privileges_plan_and_guard_alike(
    tmp_path: Path, db_url: str, target_role: str
) -> None:
    who = quote_ident(target_role)
    project = _alembic_project(
        tmp_path / "proj",
        db_url,
        ("manage_owners = false", "manage_owners = true"),
        ("manage_privileges = true", "manage_privileges = false"),
    )
    project.execute(f"CREATE TABLE t (id int); GRANT SELECT ON t TO {who}")
    project.write_schema(f"CREATE TABLE t (id int, note text);\nALTER TABLE t OWNER TO {who};\n")
    try:
        project.alembic("revision", "--lockplane", "-m", "owner")
        [revision] = project.revisions()
        text = revision.read_text(encoding="utf-8")
        assert "GRANT" not in text and "REVOKE" not in text  # the grant differs: not planned
        assert f'"ALTER TABLE public.t OWNER TO \\"{target_role}\\""' in text
        assert "planned_at=down_revision, owners=True, privileges=False)" in text
        project.alembic("upgrade", "head")  # the guard reads owners, not privileges
        assert project.query(
            "SELECT pg_get_userbyid(relowner) FROM pg_class WHERE relname = 't'"
        ) == [(target_role,)]
        again = project.alembic("revision", "--lockplane", "-m", "again")
        assert "No changes" in again.stderr and len(project.revisions()) == 1
        project.alembic("downgrade", "base")  # the guard of the downgrade matches too
        assert project.query(
            "SELECT pg_get_userbyid(relowner) = current_user FROM pg_class WHERE relname = 't'"
        ) == [(True,)]
    finally:
        project.execute(f"DROP OWNED BY {who}")


REPLAYED_REVISION = """\
from alembic import op

revision = "grant_1"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("CREATE TABLE t (id int)")
    op.execute('GRANT SELECT ON t TO "{role}"')


def downgrade() -> None:
    op.execute("DROP TABLE t")
"""


def test_lockplane_check_replays_revisions_granting_to_roles_the_embedded_shadow_lacks(
    run_lockplane, tmp_path: Path, db_url: str, pg_server: str
) -> None:
    role = f"LP Replayed {secrets.token_hex(4)}"  # on no server yet
    project = _alembic_project(tmp_path / "proj", db_url)
    (project.versions / "grant_1.py").write_text(
        REPLAYED_REVISION.format(role=role), encoding="utf-8"
    )
    project.write_schema(f'CREATE TABLE t (id int);\nGRANT SELECT ON t TO "{role}";\n')
    # the replay runs before the desired schema is loaded: the replay itself needs the role
    result = run_lockplane("check", "--roundtrip", cwd=project.root)
    assert result.returncode == 0, result.stderr
    assert "The revisions produce the desired schema." in result.stderr
    assert not _role_exists(pg_server, role)


def test_a_plan_file_granting_to_a_role_the_embedded_shadow_lacks_dry_runs(
    run_lockplane, db_url: str, pg_server: str, tmp_path: Path, target_role: str
) -> None:
    who = quote_ident(target_role)
    (tmp_path / "schema.lp.sql").write_text(
        f"CREATE TABLE t (id int);\nGRANT SELECT ON t TO {who};\n", encoding="utf-8"
    )
    # planned with the target's server as shadow: the embedded one never saw the role
    made = run_lockplane(
        "plan", "--from", db_url, "--to", "schema.lp.sql", env={"SHADOW_DATABASE_URL": pg_server}
    )
    assert made.returncode == 0, made.stderr
    (tmp_path / "migration.json").write_text(made.stdout, encoding="utf-8")
    dry = run_lockplane("apply", "migration.json", "--dry-run", env={"DATABASE_URL": db_url})
    assert dry.returncode == 0, dry.stderr
    assert f'shadow: creating the role "{target_role}" and starting again' in dry.stderr
    assert "the rollback ran and returned to the starting schema" in dry.stderr
