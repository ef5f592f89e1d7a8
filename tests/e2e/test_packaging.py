"""The release artefacts: wheel and sdist build cleanly, carry their data files, and the
installed wheel (not the repository) runs ``lockplane init`` + ``alembic revision --lockplane``.

Built once per run (module fixture); the fresh venv installs the wheel's dependencies through
pip's own cache. Marked ``slow``: deselect with ``-m "not slow"``. In CI it runs in the embedded
pass only, since nothing here depends on the server.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tarfile
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from alembic_lockplane import __version__

ROOT = Path(__file__).resolve().parents[2]
pytestmark = [
    pytest.mark.slow,
    # The artefacts do not depend on the server: CI (CI=true) checks them once, embedded pass.
    pytest.mark.skipif(
        os.environ.get("CI") == "true" and bool(os.environ.get("LOCKPLANE_TEST_DATABASE_URL")),
        reason="packaging is checked in CI's embedded pass",
    ),
]

WHEEL_DATA = [
    "alembic_lockplane/py.typed",
    "alembic_lockplane/model/snapshot.schema.json",
    "alembic_lockplane/_templates/script.py.mako",
    "alembic_lockplane/_templates/lockplane/alembic.ini.mako",
    "alembic_lockplane/_templates/lockplane/env.py",
    "alembic_lockplane/_templates/lockplane/script.py.mako",
    "alembic_lockplane/_templates/lockplane/schema.lp.sql",
]


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    done = subprocess.run(
        [sys.executable, "-m", "build", "--outdir", str(out), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return out


def _one(dist: Path, pattern: str) -> Path:
    found = sorted(dist.glob(pattern))
    assert len(found) == 1, found
    return found[0]


def test_version_comes_from_one_place() -> None:
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'dynamic = ["version"]' in pyproject
    assert 'path = "alembic_lockplane/__init__.py"' in pyproject
    assert re.fullmatch(r"\d+\.\d+\.\d+", __version__)
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f"## {__version__}" in changelog


def test_wheel_holds_templates_schema_queries_and_py_typed(dist: Path) -> None:
    wheel = _one(dist, f"alembic_lockplane-{__version__}-py3-none-any.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for name in WHEEL_DATA:
        assert name in names, name
    queries = {Path(n).name for n in names if n.startswith("alembic_lockplane/introspect/queries/")}
    on_disk = {p.name for p in (ROOT / "alembic_lockplane/introspect/queries").glob("*.sql")}
    assert on_disk and queries == on_disk
    assert not [n for n in names if "__pycache__" in n or n.startswith(("tests/", "docs/"))]
    entry_points = zipfile.ZipFile(wheel).read(
        f"alembic_lockplane-{__version__}.dist-info/entry_points.txt"
    )
    assert b"lockplane = alembic_lockplane.cli.main:main" in entry_points
    assert b"[alembic.plugins]" in entry_points


def test_sdist_holds_sources_and_no_local_clutter(dist: Path) -> None:
    sdist = _one(dist, f"alembic_lockplane-{__version__}.tar.gz")
    prefix = f"alembic_lockplane-{__version__}/"
    with tarfile.open(sdist) as tar:
        names = {n.removeprefix(prefix) for n in tar.getnames()}
    for name in ("pyproject.toml", "README.md", "CHANGELOG.md", "templates/script.py.mako"):
        assert name in names, name
    assert not [n for n in names if ".venv" in n or "__pycache__" in n or n.endswith(".pyc")]


@pytest.fixture(scope="module")
def installed(dist: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A fresh venv with only the built wheel (and its dependencies) installed."""
    venv = tmp_path_factory.mktemp("venv") / "v"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    wheel = _one(dist, "*.whl")
    done = subprocess.run(
        [str(venv / "bin" / "python"), "-m", "pip", "install", "-q", str(wheel)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    yield venv / "bin"


def _env(bin_dir: Path, **extra: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DATABASE_URL", "SHADOW_DATABASE_URL", "VIRTUAL_ENV", "PYTHONPATH")
    }
    env["PATH"] = f"{bin_dir}{os.pathsep}/usr/bin{os.pathsep}/bin"
    env.update(extra)
    return env


def test_installed_wheel_reports_its_version_from_outside_the_repo(
    installed: Path, tmp_path: Path
) -> None:
    done = subprocess.run(
        [str(installed / "lockplane"), "--version"],
        cwd=tmp_path,
        env=_env(installed),
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"lockplane {__version__}"
    where = subprocess.run(
        [
            str(installed / "python"),
            "-c",
            "import alembic_lockplane; print(alembic_lockplane.__file__)",
        ],
        cwd=tmp_path,
        env=_env(installed),
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert Path(where).is_relative_to(installed.parent), where


@pytest.mark.db
def test_installed_wheel_inits_a_project_and_writes_a_revision(
    installed: Path, tmp_path: Path, db_url: str, pg_server: str
) -> None:
    env = _env(installed, DATABASE_URL=db_url, SHADOW_DATABASE_URL=pg_server)

    def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, f"{args}: {done.stdout}{done.stderr}"
        return done

    run("lockplane", "init", "app", cwd=tmp_path)
    project = tmp_path / "app"
    run("alembic", "revision", "--lockplane", "-m", "create users", cwd=project)
    (revision,) = (project / "migrations" / "versions").glob("*_create_users.py")
    assert "CREATE TABLE public.users" in revision.read_text(encoding="utf-8")
    run("alembic", "upgrade", "head", cwd=project)
    introspected = run("lockplane", "introspect", cwd=project).stdout
    assert '"name": "users"' in introspected
