"""The benchmark generator and runner work at the smallest size (issue 10: CI checks only this).

The generator's three renderings must describe the same schema as PostgreSQL sees it, or the
side-by-side figures would compare different work; the runner must produce its JSON and
Markdown for one size with every tool it can find.
"""

from __future__ import annotations

import json
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from alembic_lockplane.engine import introspect_url, make_plan

ROOT = Path(__file__).resolve().parents[2]
BENCH = ROOT / "benchmarks"
sys.path.insert(0, str(BENCH))

import bench_db  # noqa: E402
import generate  # noqa: E402

SIZE = 100


def _run_sql(url: str, path: Path) -> None:
    bench_db.execute(url, bench_db.statements(path), batch=bench_db.BATCH)


@pytest.fixture
def second_db(pg_server: str) -> Iterator[str]:
    name = f"{bench_db.PREFIX}smoke_{uuid.uuid4().hex[:8]}"
    yield bench_db.recreate(pg_server, name)
    bench_db.drop(pg_server, name)


def test_generated_sql_models_and_scenario_agree_on_postgres(
    tmp_path: Path, db_url: str, second_db: str
) -> None:
    paths = generate.write(SIZE, tmp_path)
    _run_sql(db_url, paths["desired"])
    desired = introspect_url(db_url)
    assert len(desired.tables) == SIZE + 1
    kinds = {i.name.rsplit("_", 1)[-1] for i in desired.indexes}
    assert {"idx", "key"} <= kinds
    assert any(i.predicate for i in desired.indexes)
    assert any("lower(" in k.expression for i in desired.indexes for k in i.keys)

    # The SQLAlchemy models, created by SQLAlchemy, give the same schema.
    sys.path.insert(0, str(tmp_path))
    try:
        import bench_models
    finally:
        sys.path.remove(str(tmp_path))
        sys.modules.pop("bench_models", None)
    engine = sa.create_engine(second_db.replace("postgresql://", "postgresql+psycopg2://", 1))
    with engine.begin() as c:
        for value in vars(bench_models).values():
            if isinstance(value, sa.dialects.postgresql.ENUM):
                value.create(c, checkfirst=True)
        bench_models.metadata.create_all(c)
    engine.dispose()
    assert introspect_url(second_db) == desired

    # base.sql + the scenario is what schema.lp.sql says: the plan does the four changes.
    bench_db.execute(second_db, ["DROP SCHEMA public CASCADE", "CREATE SCHEMA public"])
    _run_sql(second_db, paths["base"])
    plan = make_plan(introspect_url(second_db), desired)
    text = "\n".join(sql for step in plan.steps for sql in step.sql)
    assert "ADD COLUMN notes text" in text
    assert "statement_timestamp()" in text
    assert "CREATE TABLE public.bench_change_log" in text
    assert len(paths["scenario"].read_text().splitlines()) == 4


def test_runner_at_the_smallest_size(tmp_path: Path, pg_server: str) -> None:
    doc = tmp_path / "performance.md"
    proc = subprocess.run(
        [
            sys.executable,
            str(BENCH / "run.py"),
            "--sizes",
            str(SIZE),
            "--runs",
            "1",
            "--url",
            pg_server,
            "--out",
            str(tmp_path / "results"),
            "--doc",
            str(doc),
            "--work",
            str(tmp_path / "work"),
            "--skip",
            "migra",  # its own venv (benchmarks/.venv-migra) is not part of a test setup
        ],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    (result_file,) = (tmp_path / "results").glob("*.json")
    result = json.loads(result_file.read_text())
    row = result["sizes"][str(SIZE)]
    for tool in ("lockplane_cold", "lockplane_warm", "limit"):
        assert row[tool]["median_s"]["total"] > 0
    for tool in ("cli_cold", "cli_warm", "alembic_lockplane_warm", "autogenerate"):
        assert row[tool]["median_s"] > 0
    assert row["catalog_queries"] > 5
    assert "| 100 |" in doc.read_text()
