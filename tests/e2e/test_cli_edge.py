"""The CLI edge: one-line errors, exit codes, no tracebacks, no passwords."""

from __future__ import annotations

from alembic_lockplane import __version__


def test_version(run_lockplane) -> None:
    result = run_lockplane("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"lockplane {__version__}"


def test_unknown_flag_is_a_usage_error_exit_2(run_lockplane) -> None:
    result = run_lockplane("introspect", "--no-such-flag")
    assert result.returncode == 2
    assert "error:" in result.stderr
    assert "Traceback" not in result.stderr


def test_missing_database_is_one_line_and_exit_1(run_lockplane) -> None:
    result = run_lockplane("introspect")
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "error: no database given",
        "hint: pass --db URL or set DATABASE_URL (or database_url in lockplane.toml)",
    ]
    assert result.stdout == ""


def test_unreachable_host_never_shows_the_password(run_lockplane) -> None:
    url = "postgresql://someone:hunter2secret@127.0.0.1:1/app"
    result = run_lockplane("introspect", "--db", url)
    assert result.returncode == 1
    assert "hunter2secret" not in result.stderr + result.stdout
    assert result.stderr.startswith("error: cannot connect to someone@127.0.0.1:1/app")
    assert "Traceback" not in result.stderr


def test_password_in_an_environment_url_is_not_printed(run_lockplane) -> None:
    result = run_lockplane(
        "introspect", env={"DATABASE_URL": "mysql://root:topsecretpw@localhost/app"}
    )
    assert result.returncode == 1
    assert "topsecretpw" not in result.stderr
    assert "only PostgreSQL is supported" in result.stderr


def test_validate_shows_warnings_and_strict_makes_them_errors(run_lockplane, pg_server, tmp_path):
    (tmp_path / "w.lp.sql").write_text("CREATE TABLE IF NOT EXISTS t (id int);\n")
    env = {"SHADOW_DATABASE_URL": pg_server}
    lenient = run_lockplane("validate", "schema", "w.lp.sql", env=env)
    assert lenient.returncode == 0
    assert "w.lp.sql:1:14: warning[if_not_exists]" in lenient.stderr
    strict = run_lockplane("validate", "schema", "w.lp.sql", "--strict", env=env)
    assert strict.returncode == 1
    assert "w.lp.sql:1:14: error[if_not_exists]" in strict.stderr
    as_json = run_lockplane("validate", "schema", "w.lp.sql", "--output", "json", env=env)
    assert as_json.returncode == 0
    assert '"code": "if_not_exists"' in as_json.stdout
