"""Switching the lock-safe strategies off: per invocation (``lockplane plan --no-lock-safe``)
and per Alembic project (``lock_safe`` setting)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from alembic.config import Config

from alembic_lockplane.cli.main import main
from alembic_lockplane.errors import ConfigError
from alembic_lockplane.integration.settings import load
from alembic_lockplane.model.objects import Column, Index, Schema, Table
from alembic_lockplane.model.serde import schema_to_json

USERS = Table("public", "users", (Column("email", "text"),))
INDEX = Index(
    "public",
    "users_email_idx",
    "users",
    "CREATE INDEX users_email_idx ON public.users USING btree (email)",
)


def _plan_sql(tmp_path: Path, capsys: pytest.CaptureFixture[str], *flags: str) -> list[str]:
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    a.write_text(schema_to_json(Schema(tables=(USERS,))), encoding="utf-8")
    b.write_text(schema_to_json(Schema(tables=(USERS,), indexes=(INDEX,))), encoding="utf-8")
    try:
        main(["plan", "--from", str(a), "--to", str(b), *flags])
    except SystemExit as exc:
        assert exc.code in (0, None)
    steps = json.loads(capsys.readouterr().out)["steps"]
    return [s for step in steps for s in step["sql"]]


def test_cli_plans_concurrently_by_default_and_plain_with_no_lock_safe(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _plan_sql(tmp_path, capsys) == [
        "CREATE INDEX CONCURRENTLY users_email_idx ON public.users USING btree (email)"
    ]
    assert _plan_sql(tmp_path, capsys, "--no-lock-safe") == [INDEX.definition]


def _ini(tmp_path: Path, text: str) -> Config:
    path = tmp_path / "alembic.ini"
    path.write_text("[alembic]\nscript_location = migrations\n" + text, encoding="utf-8")
    return Config(str(path), toml_file=str(tmp_path / "pyproject.toml"))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("true", True),
        ("false", False),
        ("concurrent_index, unique_via_index", frozenset({"concurrent_index", "unique_via_index"})),
    ],
)
def test_alembic_setting(tmp_path: Path, value: str, expected: object) -> None:
    settings = load(_ini(tmp_path, f"[lockplane]\nlock_safe = {value}\n"), environ={})
    assert settings.lock_safe == expected


def test_alembic_setting_default_is_on_and_typos_are_refused(tmp_path: Path) -> None:
    assert load(_ini(tmp_path, ""), environ={}).lock_safe is True
    with pytest.raises(ConfigError, match="unknown lock-safe strategy: concurent_index"):
        load(_ini(tmp_path, "[lockplane]\nlock_safe = concurent_index\n"), environ={})
