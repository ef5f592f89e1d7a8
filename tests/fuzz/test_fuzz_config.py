"""Settings files written by hand: ``lockplane.toml``, ``.env.<name>`` and ``alembic.ini``.

Any bytes in them give a result or one ``error:`` line, never a traceback.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from fuzzlib import (
    SEED_DOTENV,
    SEED_INI,
    SEED_TOML,
    check_cli_output,
    mutate_config,
    run_cli_in_process,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st


def _check(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, argv: list[str]) -> None:
    monkeypatch.chdir(tmp_path)
    for key in ("DATABASE_URL", "SHADOW_DATABASE_URL", "LOCKPLANE_SCHEMA_DIR"):
        monkeypatch.delenv(key, raising=False)
    code, out, err = run_cli_in_process(argv)
    problem = check_cli_output(code, out, err, secrets=(":pw@",))
    assert not problem, problem


@settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(seed=st.integers(min_value=0, max_value=2**32 - 1))
def test_mutated_settings_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seed: int) -> None:
    rng = random.Random(seed)
    for name in ("lockplane.toml", ".env.local", "alembic.ini"):
        (tmp_path / name).unlink(missing_ok=True)
    (tmp_path / "lockplane.toml").write_bytes(mutate_config(rng, SEED_TOML))
    (tmp_path / ".env.local").write_bytes(mutate_config(rng, SEED_DOTENV))
    if rng.random() < 0.3:
        (tmp_path / "alembic.ini").write_bytes(mutate_config(rng, SEED_INI))
    _check(tmp_path, monkeypatch, ["introspect"])


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("lockplane.toml", b'schema_path = "caf\xe9"\n', "lockplane.toml: not UTF-8 text"),
        ("lockplane.toml", b"schema_path = 5\n", "lockplane.toml: schema_path must be a string"),
        ("lockplane.toml", b"environments = 3\n", "environments must be tables"),
        ("lockplane.toml", b'default_environment = ["x"]\n', "must be a string"),
        ("lockplane.toml", b"[environments.x]\ndatabase_url = 5\n",
         "[environments.x] database_url must be a string"),
        ("alembic.ini", b"[alembic]\nsqlalchemy.url = caf\xe9\n", "alembic.ini: not UTF-8 text"),
    ],
)  # fmt: skip
def test_settings_that_were_tracebacks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, content: bytes, message: str
) -> None:
    (tmp_path / name).write_bytes(content)
    monkeypatch.chdir(tmp_path)
    code, _, err = run_cli_in_process(["introspect"])
    assert code == 1
    assert err.startswith("error: ") and message in err.splitlines()[0], err


def test_a_non_utf8_dotenv_is_one_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "lockplane.toml").write_bytes(b'default_environment = "x"\n[environments.x]\n')
    (tmp_path / ".env.x").write_bytes(b"DATABASE_URL=caf\xe9\n")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DATABASE_URL", raising=False)
    code, _, err = run_cli_in_process(["introspect"])
    assert (code, err.splitlines()[0]) == (1, f"error: {tmp_path}/.env.x: not UTF-8 text")


def test_an_ini_parse_error_is_one_line_without_the_line_itself(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "alembic.ini").write_text(
        "[alembic]\nsqlalchemy.url = postgresql://me:hunter2@h/db\n  postgresql://me:hunter2@\n"
        "garbage line hunter2\n"
    )
    monkeypatch.chdir(tmp_path)
    code, _out, err = run_cli_in_process(["introspect"])
    assert (code, err) == (1, f"error: {tmp_path}/alembic.ini:4: not a `key = value` line\n")


@pytest.mark.parametrize(
    "value", ["/me:hunter2@127.0.0.1/app", "postgresql:/me:hunter2@h/app", "pg://me:p@hunter2@h/x"]
)
def test_a_mistyped_url_never_shows_its_password(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run_cli_in_process(["introspect", "--db", value])
    assert code == 1 and err.startswith("error: ")
    assert "hunter2" not in out + err
