"""The Lockplane workflow, verbatim, with the real executable: JSON on stdout, report on stderr."""

from __future__ import annotations

import json
from pathlib import Path

from alembic_lockplane.engine import introspect_url

SCHEMA = """\
CREATE SCHEMA billing;
CREATE TYPE billing.state AS ENUM ('open', 'paid');
CREATE TABLE users (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email text NOT NULL UNIQUE,
    "Display Name" text
);
CREATE TABLE billing.invoices (
    id serial PRIMARY KEY,
    user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    state billing.state NOT NULL DEFAULT 'open',
    note text DEFAULT 'a :name and 50% off'
);
CREATE INDEX invoices_user_idx ON billing.invoices (user_id) WHERE state = 'open';
COMMENT ON TABLE users IS 'people';
"""


def _json(result) -> dict:
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_seed_workflow_runs_verbatim(run_lockplane, conn, db_url, pg_server, tmp_path: Path):
    with conn.cursor() as cur:
        cur.execute("CREATE TABLE legacy (id int)")
    env = {"DATABASE_URL": db_url, "SHADOW_DATABASE_URL": pg_server}
    (tmp_path / "schema.lp.sql").write_text(SCHEMA)
    start = introspect_url(db_url)

    current = run_lockplane("introspect", env=env)
    (tmp_path / "current.json").write_text(current.stdout)
    _json(current)

    valid = run_lockplane("validate", "schema", "schema.lp.sql", env=env)
    assert valid.returncode == 0, valid.stderr

    planned = run_lockplane(
        "plan", "--from", "current.json", "--to", "schema.lp.sql", "--validate", env=env
    )
    # dropping `legacy` is dangerous: the report says so on stderr, stdout stays pure JSON
    assert planned.returncode == 1
    plan = json.loads(planned.stdout)
    assert "Drop table legacy" in [s["description"] for s in plan["steps"]]
    assert "drop_table" in planned.stderr

    planned = run_lockplane(
        "plan",
        "--from",
        "current.json",
        "--to",
        "schema.lp.sql",
        "--validate",
        "--allow",
        "drop_table",
        env=env,
    )
    plan = _json(planned)
    (tmp_path / "migration.json").write_text(planned.stdout)
    assert all(isinstance(s["sql"], list) for s in plan["steps"])
    assert all(not sql.rstrip().endswith(";") for s in plan["steps"] for sql in s["sql"])
    assert "steps:" in planned.stderr

    rolled = run_lockplane(
        "rollback", "--plan", "migration.json", "--from", "current.json", env=env
    )
    rollback = _json(rolled)
    (tmp_path / "rollback.json").write_text(rolled.stdout)
    assert rollback["source_hash"] == plan["target_hash"]
    assert all(s["description"].startswith("Rollback: ") for s in rollback["steps"])

    applied = _json(run_lockplane("apply", "--plan", "migration.json", env=env))
    assert applied == {"success": True, "steps_applied": len(plan["steps"])}

    replanned = _json(run_lockplane("plan", "--from", db_url, "--to", "schema.lp.sql", env=env))
    assert replanned["steps"] == []

    # the same plan again is refused by the drift guard: the database moved on
    again = run_lockplane("apply", "migration.json", env=env)
    assert again.returncode == 1
    assert again.stdout == ""

    back = _json(run_lockplane("apply", "rollback.json", "--skip-shadow", env=env))
    assert back["steps_applied"] == len(rollback["steps"])
    assert introspect_url(db_url) == start


def test_apply_refuses_sql_files_and_unconfirmed_schema_mode(run_lockplane, db_url, tmp_path):
    (tmp_path / "schema.lp.sql").write_text("CREATE TABLE t (id int);\n")
    env = {"DATABASE_URL": db_url}
    refused = run_lockplane("apply", "schema.lp.sql", env=env)
    assert refused.returncode == 2
    assert "is SQL, not a plan" in refused.stderr
    unconfirmed = run_lockplane("apply", "--schema", "schema.lp.sql", env=env, input="")
    assert unconfirmed.returncode == 2
    assert "--auto-approve" in unconfirmed.stderr
    assert introspect_url(db_url).tables == ()
