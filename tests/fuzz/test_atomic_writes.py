"""Interrupted writes never leave a half file at the destination.

The processes are really killed (SIGKILL) in the middle of writing: a ``sitecustomize`` put on
their ``PYTHONPATH`` wraps ``open`` so that the first write to a matching path writes half of
its data, flushes it to the file and kills the process. Without temp file + rename the
destination would hold that half; with it, the destination keeps what it had before.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from alembic_lockplane.fileio import write_atomic

BIN = Path(sys.executable).parent

KILLER = """
import builtins, io, os, signal

_MATCH = os.environ.get("LP_KILL_WRITING")
_open = io.open


class _Killer:
    def __init__(self, handle):
        self._handle = handle

    def write(self, data):
        self._handle.write(data[: max(1, len(data) // 2)])
        self._handle.flush()
        os.kill(os.getpid(), signal.SIGKILL)

    def __getattr__(self, name):
        return getattr(self._handle, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self._handle.close()


def _path_of(file):
    if isinstance(file, int):
        try:
            return os.readlink(f"/proc/self/fd/{file}")
        except OSError:
            return ""
    return os.fspath(file) if isinstance(file, (str, bytes, os.PathLike)) else ""


def _killing_open(file, mode="r", *args, **kwargs):
    handle = _open(file, mode, *args, **kwargs)
    path = str(_path_of(file))
    if _MATCH and _MATCH in path and ("w" in mode or "a" in mode):
        return _Killer(handle)
    return handle


if _MATCH:
    builtins.open = _killing_open
    io.open = _killing_open
"""


@pytest.fixture
def killer_env(tmp_path: Path) -> dict[str, str]:
    hook = tmp_path / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(KILLER)
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DATABASE_URL", "SHADOW_DATABASE_URL", "LOCKPLANE_SCHEMA_DIR")
    }
    env["PYTHONPATH"] = str(hook)
    env["LOCKPLANE_CACHE_DIR"] = str(tmp_path / "cache")
    return env


def test_a_failing_rename_leaves_the_old_file_and_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "current.json"
    target.write_text("old\n")

    def refuse(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OSError):
        write_atomic(target, "new content\n" * 10_000)
    assert target.read_text() == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["current.json"]


def test_an_unwritable_output_is_one_error_line(tmp_path: Path) -> None:
    (tmp_path / "out.json").mkdir()  # the destination is a folder: the rename fails
    seed = str(Path(__file__).parent / "seeds" / "blog.json")
    result = subprocess.run(
        [str(BIN / "lockplane"), "convert", "-i", seed, "-o", "out.json"],
        cwd=tmp_path, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 1
    assert result.stderr.splitlines() == ["error: cannot write out.json: Is a directory"]
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


@pytest.mark.db
@pytest.mark.parametrize("existing", [True, False])
def test_introspect_killed_while_writing_never_leaves_a_half_file(
    tmp_path: Path, db_url: str, killer_env: dict[str, str], existing: bool
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    target = work / "current.json"
    if existing:
        target.write_text('{"format": "alembic-lockplane/schema/1"}\n')
    before = target.read_bytes() if existing else None
    result = subprocess.run(
        [str(BIN / "lockplane"), "introspect", "--db", db_url, "-o", "current.json"],
        cwd=work, capture_output=True, text=True, timeout=120,
        env={**killer_env, "LP_KILL_WRITING": "current.json"},
    )  # fmt: skip
    assert result.returncode == -signal.SIGKILL, result.stderr
    if existing:
        assert target.read_bytes() == before
    else:
        assert not target.exists()
    # what the kill left behind is hidden, so no later command picks it up by name
    assert all(p.name.startswith(".") for p in work.iterdir() if p.name != "current.json")

    done = subprocess.run(
        [str(BIN / "lockplane"), "introspect", "--db", db_url, "-o", "current.json"],
        cwd=work, capture_output=True, text=True, timeout=120, env=killer_env,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert json.loads(target.read_text())["format"] == "alembic-lockplane/schema/1"


@pytest.mark.db
def test_a_revision_killed_while_writing_leaves_no_revision_file(
    tmp_path: Path, db_url: str, pg_server: str, killer_env: dict[str, str]
) -> None:
    created = subprocess.run(
        [str(BIN / "lockplane"), "init", "app"],
        cwd=tmp_path, capture_output=True, text=True, timeout=120, env=killer_env,
    )  # fmt: skip
    assert created.returncode == 0, created.stderr
    root = tmp_path / "app"
    versions = root / "migrations" / "versions"
    env = {**killer_env, "DATABASE_URL": db_url, "SHADOW_DATABASE_URL": pg_server}

    def alembic(*args: str, kill: str | None = None) -> subprocess.CompletedProcess[str]:
        extra = {"LP_KILL_WRITING": kill} if kill else {}
        return subprocess.run(
            [str(BIN / "alembic"), *args],
            cwd=root, capture_output=True, text=True, timeout=300, env={**env, **extra},
        )  # fmt: skip

    killed = alembic("revision", "--lockplane", "-m", "users", kill=str(versions))
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert list(versions.glob("*.py")) == []  # no half revision for `upgrade` to import
    (half,) = [p for p in versions.iterdir() if p.name.endswith(".py.tmp")]
    assert half.name.startswith(".")  # the killed write went to a hidden temp file
    assert alembic("heads").stdout.strip() == ""

    written = alembic("revision", "--lockplane", "-m", "users")
    assert written.returncode == 0, written.stderr
    (revision,) = versions.glob("*.py")
    compile(revision.read_text("utf-8"), str(revision), "exec")
    upgraded = alembic("upgrade", "head")
    assert upgraded.returncode == 0, upgraded.stderr
