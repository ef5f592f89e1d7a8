"""The realistic schema (tests/realistic/schema/): loaded through the real desired-schema
loader, planned from an empty database, applied, re-planned empty, rolled back to empty."""

from __future__ import annotations

from pathlib import Path

import psycopg2
import psycopg2.extensions
import pytest

from alembic_lockplane.diff.diff import diff
from alembic_lockplane.engine import load_desired
from alembic_lockplane.introspect import introspect
from alembic_lockplane.model.objects import Schema
from alembic_lockplane.plan.build import build_plan
from alembic_lockplane.plan.model import Plan
from alembic_lockplane.plan.rollback import rollback_plan
from alembic_lockplane.safety import assess

pytestmark = pytest.mark.db

FOLDER = Path(__file__).resolve().parent.parent / "realistic" / "schema"


def _apply(conn: psycopg2.extensions.connection, plan: Plan) -> None:
    """Transactional steps in one transaction per run of them, the others on their own."""
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
                        raise AssertionError(f"{step.description}: {statement}: {exc}") from exc
            if not step.transactional:
                conn.autocommit = False
        conn.commit()
    except BaseException:
        if not conn.autocommit:
            conn.rollback()
        raise
    finally:
        conn.autocommit = True


def _remaining(got: Schema, want: Schema) -> str:
    changes = diff(got, want)
    return f"{len(changes)} remaining changes: " + "; ".join(map(repr, changes[:3]))


def test_realistic_schema_from_empty_and_back(
    conn: psycopg2.extensions.connection, pg_server: str, tmp_path: Path
) -> None:
    desired = load_desired(
        FOLDER, shadow_url=pg_server, cwd=tmp_path, env={"LOCKPLANE_NO_CACHE": "1"}
    )
    tables = desired.tables
    assert len(tables) >= 60
    assert sum(t.partition_of is not None for t in tables) >= 10
    assert sum(t.partition_by is not None for t in tables) >= 4
    assert any(t.inherits for t in tables)
    assert len(desired.views) >= 6 and len(desired.functions) >= 8
    assert len(desired.triggers) >= 10 and len(desired.enums) >= 5
    assert sum(len(t.policies) for t in tables) >= 5

    empty = introspect(conn)
    assert not empty.tables and not empty.functions
    plan = build_plan(empty, desired, assess=assess)
    _apply(conn, plan)
    after = introspect(conn)
    assert after == desired, _remaining(after, desired)
    assert build_plan(after, desired).steps == ()

    _apply(conn, rollback_plan(plan, empty))
    back = introspect(conn)
    assert back == empty, _remaining(back, empty)
