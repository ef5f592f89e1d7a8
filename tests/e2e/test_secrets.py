"""No password ever leaves: every ``lockplane`` command and the Alembic paths, with a password in
the URL, on success and on failure, and nothing they print or write contains it.

The server is a private embedded PostgreSQL whose ``pg_hba.conf`` demands SCRAM passwords for
the test role (the shared test servers trust every local connection, so a password is never
checked there). So these tests also prove the password is really *used* where it must be:
URL, ``PGPASSWORD``, a ``.pgpass`` file named by ``PGPASSFILE``, and URLs with ``sslmode``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import psycopg2
import pytest

from alembic_lockplane.db.url import libpq_dsn

pytestmark = pytest.mark.db

BIN = Path(sys.executable).parent
ROLE = "lp_pw"
SUFFIX = uuid.uuid4().hex[:12]
PASSWORD = f"Pa55:w@rd/%{SUFFIX}"  # characters that need percent-encoding in a URL
ENCODED = quote(PASSWORD, safe="")
SECRETS = (PASSWORD, ENCODED, SUFFIX)

SCHEMA = """CREATE TABLE users (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email text);
CREATE INDEX users_email_idx ON users (email);
"""


@dataclass(frozen=True)
class PasswordServer:
    """A server that checks the password of ``ROLE`` (SCRAM) over its Unix socket."""

    socket_dir: str
    admin_url: str

    def url(self, database: str, *, password: str | None = ENCODED, user: str = ROLE) -> str:
        auth = f"{user}:{password}" if password is not None else user
        return f"postgresql://{auth}@/{database}?host={quote(self.socket_dir)}"

    def create_database(self) -> str:
        name = f"t_{uuid.uuid4().hex[:10]}"
        conn = psycopg2.connect(libpq_dsn(self.admin_url))
        conn.autocommit = True
        with conn.cursor() as cur:
            cur.execute(f'CREATE DATABASE "{name}" OWNER {ROLE}')
        conn.close()
        return name


@pytest.fixture(scope="module")
def pw_server() -> Iterator[PasswordServer]:
    from alembic_lockplane.shadow import embedded

    data = Path(tempfile.mkdtemp(prefix="lockplane-secrets-")) / "pg"
    admin_url = embedded.start(data, delete_on_exit=True)
    conn = psycopg2.connect(libpq_dsn(admin_url))
    conn.autocommit = True
    with conn.cursor() as cur:
        cur.execute(f"CREATE ROLE {ROLE} LOGIN SUPERUSER PASSWORD %s", (PASSWORD,))
        cur.execute("SHOW hba_file")
        (hba,) = cur.fetchone() or ("",)
        rules = Path(hba).read_text()
        Path(hba).write_text(f"local all {ROLE} scram-sha-256\n" + rules)
        cur.execute("SELECT pg_reload_conf()")
        cur.execute("SHOW unix_socket_directories")
        (sockets,) = cur.fetchone() or ("",)
    conn.close()
    try:
        yield PasswordServer(sockets.split(",")[0].strip(), admin_url)
    finally:
        embedded.release(data)


@pytest.fixture
def target(pw_server: PasswordServer) -> str:
    return pw_server.url(pw_server.create_database())


def run(
    args: list[str], cwd: Path, env: dict[str, str] | None = None, exe: str = "lockplane"
) -> subprocess.CompletedProcess[str]:
    base = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DATABASE_URL", "SHADOW_DATABASE_URL", "PGPASSWORD", "PGPASSFILE")
    }
    base["LOCKPLANE_CACHE_DIR"] = str(cwd / ".cache")
    base["PGPASSFILE"] = str(cwd / "no-such-pgpass")  # never the developer's own
    base.update(env or {})
    return subprocess.run(
        [str(BIN / exe), *args], cwd=cwd, env=base, capture_output=True, text=True, timeout=300
    )


def assert_no_secret(result: subprocess.CompletedProcess[str], folder: Path) -> None:
    for secret in SECRETS:
        assert secret not in result.stdout, f"{result.args}: secret on stdout"
        assert secret not in result.stderr, f"{result.args}: secret on stderr"
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            for secret in SECRETS:
                assert secret.encode() not in data, f"{result.args}: secret in {path}"


def assert_one_error(result: subprocess.CompletedProcess[str], contains: str) -> None:
    assert result.returncode == 1, result.stderr
    lines = result.stderr.splitlines()
    errors = [line for line in lines if line.startswith("error: ")]
    assert len(errors) == 1, result.stderr
    assert contains in errors[0], result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr


def test_every_command_succeeds_with_the_password_and_never_shows_it(
    tmp_path: Path, pw_server: PasswordServer, target: str
) -> None:
    (tmp_path / "schema.lp.sql").write_text(SCHEMA)
    shadow = pw_server.url("postgres")
    steps: list[tuple[list[str], dict[str, str]]] = [
        (["introspect", "--db", target], {}),
        (["introspect", "--db", target, "-o", "current.json"], {}),
        (["introspect", "--format", "sql"], {"DATABASE_URL": target}),
        (["validate", "schema", "schema.lp.sql", "--shadow-db", shadow], {}),
        (["plan", "--from", target, "--to", "schema.lp.sql", "--shadow-db", shadow], {}),
        (["plan", "--from", "current.json", "--to", "schema.lp.sql"],
         {"SHADOW_DATABASE_URL": shadow}),
        (["convert", "-i", "schema.lp.sql", "-o", "schema.json", "--shadow-db", shadow], {}),
        (["convert", "-i", "schema.json", "--to", "sql"], {}),
    ]  # fmt: skip
    for args, env in steps:
        result = run(args, tmp_path, env)
        assert result.returncode == 0, f"{args}: {result.stderr}"
        if args[0] == "plan" and args[2] == target:
            (tmp_path / "migration.json").write_text(result.stdout)
        assert_no_secret(result, tmp_path)
    assert json.loads((tmp_path / "migration.json").read_text())["steps"]

    rollback = run(["rollback", "--plan", "migration.json", "--from", target], tmp_path)
    assert rollback.returncode == 0, rollback.stderr
    (tmp_path / "rollback.json").write_text(rollback.stdout)
    applied = run(["apply", "migration.json", "--db", target, "--shadow-db", shadow], tmp_path)
    assert applied.returncode == 0, applied.stderr
    assert json.loads(applied.stdout)["steps_applied"] == 2
    again = run(
        ["apply", "--schema", "schema.lp.sql", "--auto-approve"],
        tmp_path,
        {"DATABASE_URL": target, "SHADOW_DATABASE_URL": shadow},
    )
    assert again.returncode == 0, again.stderr
    back = run(["apply", "rollback.json", "--db", target, "--skip-shadow"], tmp_path)
    assert back.returncode == 0, back.stderr
    for result in (rollback, applied, again, back):
        assert_no_secret(result, tmp_path)


def test_failures_never_show_the_password(
    tmp_path: Path, pw_server: PasswordServer, target: str
) -> None:
    (tmp_path / "schema.lp.sql").write_text(SCHEMA)
    (tmp_path / "bad.lp.sql").write_text("CREATE TABLE t (id no_such_type);\n")
    database = target.split("@/", 1)[1].split("?", 1)[0]
    wrong = pw_server.url(database, password=quote(f"wrong{SUFFIX}", safe=""))
    closed = f"postgresql://{ROLE}:{ENCODED}@127.0.0.1:1/app"
    no_db = pw_server.url("no_such_database")
    no_role = pw_server.url(database, user="no_such_role")
    no_password = pw_server.url(database, password=None)
    cases = [
        (["introspect", "--db", wrong], "password authentication failed"),
        (["introspect", "--db", closed], "cannot connect to lp_pw@127.0.0.1:1/app"),
        (["introspect", "--db", no_db], 'database "no_such_database" does not exist'),
        (["introspect", "--db", no_role], "cannot connect to no_such_role@"),
        (["introspect", "--db", no_password], "no password supplied"),
        (["introspect", "--db", target + "&sslmode=bogus"], 'invalid sslmode value: "bogus"'),
        (["plan", "--from", wrong, "--to", "schema.lp.sql"], "password authentication failed"),
        (["validate", "schema", "schema.lp.sql", "--shadow-db", closed], "cannot connect"),
        (["validate", "schema", "bad.lp.sql", "--shadow-db", target], "no_such_type"),
        (["plan", "--from", target, "--to", "bad.lp.sql", "--shadow-db", target], "bad.lp.sql:1:"),
        (["apply", "--schema", "schema.lp.sql", "--db", closed, "--auto-approve"],
         "cannot connect"),
        (["rollback", "--plan", "nothing.json", "--from", wrong], "nothing.json"),
    ]  # fmt: skip
    for args, expected in cases:
        result = run(args, tmp_path)
        if args[:2] == ["validate", "schema"] and "bad.lp.sql" in args:
            assert result.returncode == 1 and expected in result.stderr, result.stderr
        else:
            assert_one_error(result, expected)
        assert_no_secret(result, tmp_path)

    # the server echoes the failing SQL's literal (a URL with the password) in its message
    echo = {
        "source_hash": "",
        "steps": [{"description": "Echo", "sql": [f"SELECT '{target}'::int"]}],
    }
    (tmp_path / "echo.json").write_text(json.dumps(echo))
    for extra in (["--skip-shadow"], ["--shadow-db", target], ["--dry-run", "--shadow-db", target]):
        result = run(["apply", "echo.json", "--db", target, *extra], tmp_path)
        assert_one_error(result, "invalid input syntax for type integer")
        for secret in SECRETS:
            assert secret not in result.stdout + result.stderr
        (tmp_path / "echo.json").unlink()
        assert_no_secret(result, tmp_path)
        (tmp_path / "echo.json").write_text(json.dumps(echo))


@pytest.mark.parametrize(
    "how", ["url", "PGPASSWORD", "PGPASSFILE", "sslmode=disable", "sslmode=prefer"]
)
def test_each_way_of_giving_the_password_connects(
    tmp_path: Path, pw_server: PasswordServer, target: str, how: str
) -> None:
    database = target.split("@/", 1)[1].split("?", 1)[0]
    bare = pw_server.url(database, password=None)
    env: dict[str, str] = {}
    url = target
    if how == "PGPASSWORD":
        url, env = bare, {"PGPASSWORD": PASSWORD}
    elif how == "PGPASSFILE":
        pgpass = tmp_path / "secret" / "pgpass"
        pgpass.parent.mkdir()
        escaped = PASSWORD.replace("\\", "\\\\").replace(":", "\\:")
        pgpass.write_text(f"*:*:*:{ROLE}:{escaped}\n")
        pgpass.chmod(0o600)
        url, env = bare, {"PGPASSFILE": str(pgpass)}
    elif how.startswith("sslmode"):
        url = f"{target}&{how}"
    work = tmp_path / "work"
    work.mkdir()
    result = run(["introspect", "--db", url, "-o", "current.json"], work, env)
    assert result.returncode == 0, result.stderr
    assert json.loads((work / "current.json").read_text())["format"]
    assert_no_secret(result, work)


def test_alembic_paths_never_show_the_password(
    tmp_path: Path, pw_server: PasswordServer, target: str
) -> None:
    created = run(["init", "app"], tmp_path)
    assert created.returncode == 0, created.stderr
    root = tmp_path / "app"
    ini = root / "alembic.ini"
    ini.write_text(ini.read_text().replace("plan_files = false", "plan_files = true"))
    (root / "schema.lp.sql").write_text(SCHEMA)
    env = {"DATABASE_URL": target, "SHADOW_DATABASE_URL": pw_server.url("postgres")}

    results = [
        run(["revision", "--lockplane", "-m", "users"], root, env, exe="alembic"),
        run(["upgrade", "head", "--sql"], root, env, exe="alembic"),
        run(["upgrade", "head"], root, env, exe="alembic"),
        run(["downgrade", "base"], root, env, exe="alembic"),
        run(["upgrade", "head"], root, env, exe="alembic"),
    ]
    for result in results:
        assert result.returncode == 0, f"{result.args}: {result.stderr}"
    assert list((root / "migrations" / "versions").glob("*.py"))
    assert list((root / "migrations" / "versions").rglob("*.json"))  # plan_files written

    database = target.split("@/", 1)[1].split("?", 1)[0]
    wrong = pw_server.url(database, password=quote(f"wrong{SUFFIX}", safe=""))
    closed = f"postgresql://{ROLE}:{ENCODED}@127.0.0.1:1/app"
    (root / "schema.lp.sql").write_text(SCHEMA + "CREATE TABLE more (id int);\n")
    revision = ["revision", "--lockplane", "-m", "x"]
    failures = [
        run(revision, root, {**env, "DATABASE_URL": wrong}, "alembic"),
        run(revision, root, {**env, "DATABASE_URL": closed}, "alembic"),
        run(revision, root, {**env, "SHADOW_DATABASE_URL": closed}, "alembic"),
        run(["upgrade", "head"], root, {**env, "DATABASE_URL": wrong}, "alembic"),
    ]
    for result in failures:
        assert result.returncode != 0, f"{result.args} should fail"
    for result in failures[:3]:  # ours: one line; `upgrade` is stock Alembic (a traceback)
        assert "Traceback" not in result.stderr, result.stderr
        (line,) = [x for x in result.stderr.splitlines() if x.startswith("ERROR ")]
        assert "] cannot " in line, result.stderr
    for result in results + failures:
        assert_no_secret(result, root)
