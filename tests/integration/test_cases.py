"""The planner's oracle, one run per folder under tests/cases/.

For each case, on the real test server (two databases per worker, emptied between cases):
database A runs ``current.sql``, database B runs ``desired.sql``; both are introspected; the
plan A -> B is applied to A, after which A must introspect equal to B and a new plan must be
empty; then the rollback plan is applied and
A must introspect equal to where it started. The plan must also come out identical when
computed twice. A case may carry ``meta.json`` with ``{"min_version": 160000, "reason":
"..."}`` when it needs a newer server, ``{"needs_icu": "why"}`` when it needs a server built
with ICU, or ``{"irreversible": "why"}`` when the plan has a
step with no honest reverse: then the rollback must be refused, naming the step.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import psycopg2
import psycopg2.extensions
import pytest
from pg_test_server import ReusableDatabase

from alembic_lockplane.diff.diff import diff
from alembic_lockplane.errors import PlanError
from alembic_lockplane.introspect import introspect
from alembic_lockplane.model.objects import Schema
from alembic_lockplane.plan.build import Assess, build_plan
from alembic_lockplane.plan.model import Plan
from alembic_lockplane.plan.planfile import plan_from_json, plan_to_json
from alembic_lockplane.plan.rollback import rollback_plan

CASES = Path(__file__).resolve().parent.parent / "cases"
CASE_NAMES = sorted(p.name for p in CASES.iterdir() if (p / "desired.sql").exists())

pytestmark = pytest.mark.db


def _assess() -> Assess | None:
    """The safety rules, when they are installed: their findings ride along, and any rule
    that crashes on a real change fails the case."""
    try:
        from alembic_lockplane.safety import assess
    except ImportError:
        return None
    found: Assess = assess
    return found


class Database(ReusableDatabase):
    def run_script(self, sql: str) -> None:
        if sql.strip():
            with self.conn.cursor() as cur:
                cur.execute(sql)

    def schema(self) -> Schema:
        return introspect(self.conn)

    def has_icu(self) -> bool:
        """Whether the server was built with ICU (initdb then imports its locales)."""
        with self.conn.cursor() as cur:
            cur.execute(
                "SELECT EXISTS (SELECT FROM pg_collation WHERE collprovider = 'i'"
                " AND collname <> 'unicode')"
            )
            return bool(cur.fetchone()[0])

    def apply(self, plan: Plan) -> None:
        """Transactional steps in one transaction (per run of them), the others outside."""
        conn = self.conn
        conn.autocommit = False
        try:
            for step in plan.steps:
                if not step.transactional:
                    conn.commit()
                    conn.autocommit = True
                with conn.cursor() as cur:
                    for statement in step.sql:
                        try:
                            cur.execute(statement)
                        except psycopg2.Error as exc:
                            raise AssertionError(
                                f"step {step.description!r} failed on {statement!r}: {exc}"
                            ) from exc
                if not step.transactional:
                    conn.autocommit = False
            conn.commit()
        except BaseException:
            if not conn.autocommit:
                conn.rollback()
            raise
        finally:
            conn.autocommit = True


@pytest.fixture(scope="session")
def case_pool(pg_server: str) -> Iterator[list[Database]]:
    """Two databases per worker, emptied between cases (see ReusableDatabase)."""
    pool = [Database(pg_server), Database(pg_server)]
    try:
        yield pool
    finally:
        for database in pool:
            database.close()


@pytest.fixture
def databases(case_pool: list[Database], pg_server: str) -> tuple[Database, Database]:
    for i, database in enumerate(case_pool):
        if not database.reset():
            database.close()
            case_pool[i] = Database(pg_server)
    return case_pool[0], case_pool[1]


def _explain(label: str, got: Schema, want: Schema) -> str:
    changes = diff(got, want)
    return f"{label}: {len(changes)} remaining changes: " + "; ".join(map(repr, changes[:5]))


@pytest.mark.parametrize("case", CASE_NAMES)
def test_case(case: str, databases: tuple[Database, Database], pg_version_num: int) -> None:
    folder = CASES / case
    meta_file = folder / "meta.json"
    meta = json.loads(meta_file.read_text()) if meta_file.exists() else {}
    if pg_version_num < meta.get("min_version", 0):
        pytest.skip(meta["reason"])
    a, b = databases
    if "needs_icu" in meta and not a.has_icu():
        pytest.skip(meta["needs_icu"])
    a.run_script((folder / "current.sql").read_text())
    b.run_script((folder / "desired.sql").read_text())
    start, desired = a.schema(), b.schema()
    assert start != desired, "the case's two schemas introspect equal: nothing to plan"

    assess = _assess()
    plan = build_plan(start, desired, assess=assess)
    assert plan_to_json(build_plan(start, desired, assess=assess)) == plan_to_json(plan)
    assert plan_from_json(plan_to_json(plan)) == plan
    assert plan.steps

    a.apply(plan)
    after = a.schema()
    assert after == desired, _explain("after the plan", after, desired)
    assert build_plan(after, desired).steps == ()

    if "irreversible" in meta:
        with pytest.raises(PlanError, match="has no rollback"):
            rollback_plan(plan, start)
        return
    a.apply(rollback_plan(plan, start))
    back = a.schema()
    assert back == start, _explain("after the rollback", back, start)
