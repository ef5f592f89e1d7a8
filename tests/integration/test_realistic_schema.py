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
    assert desired.composite_types and desired.range_types and len(desired.privileges) >= 10

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


# A second release of the schema: functions that checks, defaults, policies and a view call
# change in ways CREATE OR REPLACE refuses, a partition is added and another's bound widens,
# an inheritance child becomes a plain table, a constraint trigger is added.
EVOLVE = {
    "00_foundation.lp.sql": [
        (
            "CREATE FUNCTION core.is_slug(value text) RETURNS boolean",
            "CREATE FUNCTION core.is_slug(candidate text) RETURNS boolean",
        ),
        ("AS $$ SELECT value ~ '^[a-z0-9]+", "AS $$ SELECT candidate ~ '^[a-z0-9]+"),
        (
            "CREATE FUNCTION core.current_tenant() RETURNS bigint",
            "CREATE FUNCTION core.current_tenant() RETURNS numeric",
        ),
        ("'')::bigint $$;", "'')::numeric $$;"),
        (
            "CREATE FUNCTION core.short_code(prefix text) RETURNS text",
            "CREATE FUNCTION core.short_code(prefix varchar) RETURNS text",
        ),
    ],
    "40_billing.lp.sql": [
        (
            "CREATE TABLE billing.usage_records_late",
            "CREATE TABLE billing.usage_records_2026_02 PARTITION OF billing.usage_records\n"
            "    FOR VALUES FROM ('2026-02-01') TO ('2026-03-01');\n"
            "CREATE TABLE billing.usage_records_late",
        )
    ],
    "50_ops.lp.sql": [
        (
            "CREATE TABLE ops.job_history (\n    job_id bigint NOT NULL,\n"
            "    change jsonb NOT NULL\n) INHERITS (core.audit_base);",
            "CREATE TABLE ops.job_history (\n"
            "    id bigint GENERATED ALWAYS AS IDENTITY,\n"
            "    at timestamptz NOT NULL DEFAULT now(),\n    actor_id bigint,\n"
            "    job_id bigint NOT NULL,\n    change jsonb NOT NULL\n);",
        )
    ],
    "60_analytics.lp.sql": [
        (
            "FOR VALUES FROM ('2026-01-01 00:00:00+00') TO ('2026-04-01 00:00:00+00');",
            "FOR VALUES FROM ('2026-01-01 00:00:00+00') TO ('2026-07-01 00:00:00+00');",
        )
    ],
    "70_views_triggers_policies.lp.sql": [
        (
            "ALTER TABLE catalog.products ENABLE ROW LEVEL SECURITY;",
            "CREATE CONSTRAINT TRIGGER payments_order_total AFTER INSERT ON sales.payments\n"
            "    DEFERRABLE INITIALLY DEFERRED\n"
            "    FOR EACH ROW EXECUTE FUNCTION sales.check_order_total();\n\n"
            "ALTER TABLE catalog.products ENABLE ROW LEVEL SECURITY;",
        )
    ],
}


def _evolved(folder: Path) -> None:
    folder.mkdir()
    for path in sorted(FOLDER.glob("*.lp.sql")):
        text = path.read_text()
        for old, new in EVOLVE.get(path.name, []):
            assert old in text, (path.name, old)
            text = text.replace(old, new)
        (folder / path.name).write_text(text)


def test_realistic_schema_evolves_and_rolls_back(
    conn: psycopg2.extensions.connection, pg_server: str, tmp_path: Path
) -> None:
    env = {"LOCKPLANE_NO_CACHE": "1"}
    first = load_desired(FOLDER, shadow_url=pg_server, cwd=tmp_path, env=env)
    _evolved(tmp_path / "v2")
    second = load_desired(tmp_path / "v2", shadow_url=pg_server, cwd=tmp_path, env=env)

    _apply(conn, build_plan(introspect(conn), first))
    start = introspect(conn)
    assert start == first, _remaining(start, first)

    plan = build_plan(start, second, assess=assess)
    described = [step.description for step in plan.steps]
    assert any("Detach partition analytics.events_2026q1" in d for d in described)
    assert any(d.startswith("Create table billing.usage_records_2026_02") for d in described)
    assert not any(d.startswith("Drop table") for d in described)  # nothing rebuilt
    recreate = described.index(
        "Drop and create function core.is_slug(text) (result or arguments changed)"
    )
    # the checks calling it go before and come back after; so do the defaults calling the
    # short_code(text) that is dropped for short_code(character varying)
    assert described.index("Drop constraint tenants_slug_check from table core.tenants") < recreate
    assert any(d.startswith("Add constraint tenants_slug_check") for d in described[recreate:])
    drop_default = described.index("Drop default of column prefix of table core.api_keys")
    assert drop_default < described.index("Drop function core.short_code(text)")
    assert "Stop table ops.job_history inheriting from core.audit_base" in described
    _apply(conn, plan)
    after = introspect(conn)
    assert after == second, _remaining(after, second)
    assert build_plan(after, second).steps == ()

    _apply(conn, rollback_plan(plan, start))
    back = introspect(conn)
    assert back == start, _remaining(back, start)
