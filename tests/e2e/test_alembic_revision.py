"""``alembic revision --lockplane`` end to end: the real ``alembic`` executable, a temporary
project from our init template, the test server as target and as shadow.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from test_alembic_support import Project

from alembic_lockplane.db.connect import connect
from alembic_lockplane.introspect import introspect
from alembic_lockplane.model.serde import canonical_hash

pytestmark = pytest.mark.db

USERS = """
CREATE TABLE users (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email text NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now()
);
"""
POSTS = (
    USERS
    + """
CREATE TABLE posts (
    id bigint PRIMARY KEY,
    author_id bigint NOT NULL REFERENCES users (id),
    title text NOT NULL DEFAULT 'draft: 100% :todo'
);
"""
)
POSTS_INDEXED = POSTS + "CREATE INDEX posts_author_idx ON posts (author_id);\n"


@pytest.fixture
def project(tmp_path: Path, db_url: str, pg_server: str) -> Project:
    return Project.create(tmp_path / "proj", db_url, shadow_url=pg_server)


def module_values(path: Path) -> dict[str, object]:
    values: dict[str, object] = {}
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign | ast.AnnAssign) and isinstance(
            node.value, ast.Constant | ast.Tuple
        ):
            target = node.targets[0] if isinstance(node, ast.Assign) else node.target
            if isinstance(target, ast.Name):
                values[target.id] = ast.literal_eval(node.value)
    return values


def live_hash(project: Project) -> str:
    conn = connect(project.db_url)
    try:
        return canonical_hash(introspect(conn, ["public"]))
    finally:
        conn.close()


def lockplane_revision(project: Project, message: str, *extra: str) -> Path:
    before = set(project.revisions())
    project.alembic("revision", "--lockplane", "-m", message, *extra)
    [new] = set(project.revisions()) - before
    return new


def test_three_schema_edits_give_three_revisions_that_go_up_down_and_up(
    project: Project,
) -> None:
    revisions = []
    for number, schema in enumerate((USERS, POSTS, POSTS_INDEXED), 1):
        project.write_schema(schema)
        revisions.append(lockplane_revision(project, f"edit {number}"))
        project.alembic("upgrade", "head")
        values = module_values(revisions[-1])
        assert live_hash(project) == values["target_hash"]
    assert len(project.revisions()) == 3
    first, second, third = (module_values(p) for p in revisions)
    assert second["down_revision"] == first["revision"]
    assert third["down_revision"] == second["revision"]
    assert second["source_hash"] == first["target_hash"]

    empty = first["source_hash"]
    project.alembic("downgrade", "base")
    assert live_hash(project) == empty
    project.alembic("upgrade", "head")
    assert live_hash(project) == third["target_hash"]
    # Every intermediate state is its revision's desired schema.
    for values in (second, first):
        project.alembic("downgrade", str(values["revision"]))
        assert live_hash(project) == values["target_hash"]

    history = project.alembic("history").stdout
    for values in (first, second, third):
        assert str(values["revision"]) in history
    assert "edit 3" in history

    project.alembic("downgrade", "base")
    offline = project.alembic("upgrade", "head", "--sql").stdout
    assert "CREATE TABLE public.posts" in offline
    assert "'draft: 100% :todo'" in offline
    assert offline.count("-- lockplane guard:") == 3


def test_no_changes_writes_nothing_and_exits_0(project: Project) -> None:
    project.write_schema(USERS)
    lockplane_revision(project, "users")
    project.alembic("upgrade", "head")
    result = project.alembic("revision", "--lockplane", "-m", "nothing")
    assert "No changes" in result.stderr + result.stdout
    assert len(project.revisions()) == 1


def test_refuses_when_the_database_is_not_at_head(project: Project) -> None:
    project.write_schema(USERS)
    lockplane_revision(project, "users")
    project.write_schema(POSTS)
    result = project.alembic("revision", "--lockplane", "-m", "posts", check=False)
    assert result.returncode != 0
    assert "Target database is not up to date." in result.stdout + result.stderr
    assert len(project.revisions()) == 1


def test_dangerous_change_is_blocked_then_allowed_by_code(project: Project) -> None:
    project.write_schema(USERS)
    lockplane_revision(project, "users")
    project.alembic("upgrade", "head")
    project.write_schema(USERS.replace(",\n    created_at timestamptz NOT NULL DEFAULT now()", ""))
    blocked = project.alembic("revision", "--lockplane", "-m", "drop", check=False)
    assert blocked.returncode != 0
    output = blocked.stdout + blocked.stderr
    assert "revision blocked" in output and "--allow drop_column" in output
    assert len(project.revisions()) == 1

    path = lockplane_revision(project, "drop", "--allow", "drop_column")
    text = path.read_text(encoding="utf-8")
    assert "# Step 1/1 [dangerous] Drop column created_at from table users" in text
    assert "dangerous drop_column:" in text
    project.alembic("upgrade", "head")
    assert project.query(
        "SELECT count(*) FROM information_schema.columns WHERE table_name = 'users'"
    ) == [(2,)]
    project.alembic("downgrade", "-1")
    assert project.query(
        "SELECT count(*) FROM information_schema.columns WHERE table_name = 'users'"
    ) == [(3,)]


def test_guard_refuses_drift_and_changes_nothing(project: Project) -> None:
    project.write_schema(USERS)
    lockplane_revision(project, "users")
    project.alembic("upgrade", "head")
    project.write_schema(POSTS)
    lockplane_revision(project, "posts")
    project.execute("CREATE TABLE public.sneaky (x int)")
    result = project.alembic("upgrade", "head", check=False)
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "schema drift" in output
    # the differences, as a plan back to the schema the revision was planned from
    assert "To get back to the schema this revision expects:" in output
    assert "DROP TABLE public.sneaky;" in output
    assert project.query("SELECT to_regclass('public.posts')") == [(None,)]

    project.extra_env["LOCKPLANE_GUARD"] = "warn"
    warned = project.alembic("upgrade", "head")
    assert "schema drift" in warned.stderr
    assert project.query("SELECT to_regclass('public.posts')::text") == [("posts",)]


def test_lockplane_revision_coexists_with_hand_written_ones(project: Project) -> None:
    project.write_schema(USERS)
    lockplane_revision(project, "users")
    project.alembic("upgrade", "head")
    project.alembic("revision", "-m", "seed", "--rev-id", "handseed")
    hand = project.versions / "handseed_seed.py"
    text = hand.read_text(encoding="utf-8")
    text = text.replace(
        'def upgrade() -> None:\n    """Upgrade schema."""\n    pass',
        'def upgrade() -> None:\n    """Upgrade schema."""\n'
        "    op.execute(\"INSERT INTO users (email) VALUES ('a@example.com')\")",
    ).replace(
        'def downgrade() -> None:\n    """Downgrade schema."""\n    pass',
        'def downgrade() -> None:\n    """Downgrade schema."""\n'
        '    op.execute("DELETE FROM users")',
    )
    hand.write_text(text, encoding="utf-8")
    project.alembic("upgrade", "head")
    project.write_schema(POSTS)
    path = lockplane_revision(project, "posts", "--rev-id", "lp0002", "--branch-label", "app")
    values = module_values(path)
    assert values["revision"] == "lp0002"
    assert values["down_revision"] == "handseed"
    assert values["branch_labels"] == ("app",)
    project.alembic("upgrade", "head")
    assert project.query("SELECT count(*) FROM users") == [(1,)]
    project.alembic("downgrade", "base")
    project.alembic("upgrade", "head")
    assert project.query("SELECT to_regclass('public.posts')::text") == [("posts",)]


AUTOGEN_ENV = """
import sqlalchemy as sa

target_metadata = sa.MetaData()
sa.Table(
    "log", target_metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("note", sa.Text),
    schema="audit",
)


def include_name(name, type_, parent_names):
    # autogenerate owns schema "audit"; lockplane owns "public"
    if type_ == "schema":
        return name == "audit"
    return True
"""


def test_chain_mixes_lockplane_hand_written_and_autogenerate_revisions(
    project: Project,
) -> None:
    env_py = project.root / "migrations" / "env.py"
    text = env_py.read_text(encoding="utf-8")
    text = text.replace("target_metadata = None\n", AUTOGEN_ENV)
    text = text.replace(
        "context.configure(connection=connection, target_metadata=target_metadata)",
        "context.configure(connection=connection, target_metadata=target_metadata, "
        "include_schemas=True, include_name=include_name)",
    )
    env_py.write_text(text, encoding="utf-8")

    project.write_schema(USERS)
    lockplane_revision(project, "users")
    project.alembic("upgrade", "head")
    project.alembic("revision", "-m", "audit schema", "--rev-id", "hand01")
    hand = project.versions / "hand01_audit_schema.py"
    up, down = '"""Upgrade schema."""\n    ', '"""Downgrade schema."""\n    '
    hand.write_text(
        hand.read_text(encoding="utf-8")
        .replace(up + "pass", up + 'op.execute("CREATE SCHEMA audit")')
        .replace(down + "pass", down + 'op.execute("DROP SCHEMA audit")'),
        encoding="utf-8",
    )
    project.alembic("upgrade", "head")
    project.alembic("revision", "--autogenerate", "-m", "audit log", "--rev-id", "auto01")
    auto = (project.versions / "auto01_audit_log.py").read_text(encoding="utf-8")
    assert "op.create_table('log'" in auto and "schema='audit'" in auto
    assert "users" not in auto
    project.alembic("upgrade", "head")

    project.write_schema(POSTS)
    path = lockplane_revision(project, "posts")
    assert module_values(path)["down_revision"] == "auto01"
    project.alembic("upgrade", "head")
    project.alembic("downgrade", "base")
    assert project.query("SELECT to_regclass('public.users'), to_regnamespace('audit')") == [
        (None, None)
    ]
    project.alembic("upgrade", "head")
    assert project.query(
        "SELECT to_regclass('public.posts')::text, to_regclass('audit.log')::text"
    ) == [("posts", "audit.log")]
    assert len(project.alembic("history").stdout.strip().splitlines()) == 4


def test_version_path_and_depends_on_are_honoured(project: Project) -> None:
    ini = project.root / "alembic.ini"
    ini.write_text(
        ini.read_text(encoding="utf-8").replace(
            "path_separator = os\n",
            "path_separator = os\nversion_locations = %(here)s/migrations/versions"
            ":%(here)s/migrations/more\n",
        ),
        encoding="utf-8",
    )
    (project.root / "migrations" / "more").mkdir()
    project.write_schema(USERS)
    project.alembic(
        "revision", "--lockplane", "-m", "users", "--rev-id", "a1",
        "--version-path", "migrations/more",
    )  # fmt: skip
    assert (project.root / "migrations" / "more" / "a1_users.py").is_file()
    project.alembic("upgrade", "head")
    project.write_schema(POSTS)
    project.alembic(
        "revision", "--lockplane", "-m", "posts", "--rev-id", "b2", "--depends-on", "a1",
        "--version-path", "migrations/versions",
    )  # fmt: skip
    values = module_values(project.versions / "b2_posts.py")
    assert values["depends_on"] == "a1" and values["down_revision"] == "a1"
    project.alembic("upgrade", "head")
    assert project.query("SELECT to_regclass('public.posts')::text") == [("posts",)]
