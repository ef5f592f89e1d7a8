"""`--owners` / `manage_owners` on the real `lockplane` command: owners are planned only when
asked, and apply's drift guard reads them the same way the plan did."""

from __future__ import annotations

import json
from pathlib import Path

DESIRED = """\
CREATE TABLE t (id int PRIMARY KEY);
ALTER TABLE t OWNER TO pg_monitor;
GRANT SELECT ON t TO PUBLIC;
"""


def test_owners_are_planned_and_applied_only_when_asked(
    run_lockplane, conn, db_url: str, pg_server: str, tmp_path: Path
) -> None:
    with conn.cursor() as cur:
        cur.execute("CREATE TABLE t (id int PRIMARY KEY)")
    (tmp_path / "schema.lp.sql").write_text(DESIRED, encoding="utf-8")
    env = {"DATABASE_URL": db_url, "SHADOW_DATABASE_URL": pg_server}

    plain = run_lockplane("plan", "--from", db_url, "--to", "schema.lp.sql", env=env)
    assert plain.returncode == 0, plain.stderr
    sql = [s for step in json.loads(plain.stdout)["steps"] for s in step["sql"]]
    assert sql == ["GRANT SELECT ON TABLE public.t TO PUBLIC"]

    (tmp_path / ".git").mkdir()
    (tmp_path / "lockplane.toml").write_text("manage_owners = true\n", encoding="utf-8")
    owned = run_lockplane("plan", "--from", db_url, "--to", "schema.lp.sql", env=env)
    assert owned.returncode == 0, owned.stderr
    (tmp_path / "migration.json").write_text(owned.stdout, encoding="utf-8")
    sql = [s for step in json.loads(owned.stdout)["steps"] for s in step["sql"]]
    assert sql == [
        "GRANT SELECT ON TABLE public.t TO PUBLIC",
        "ALTER TABLE public.t OWNER TO pg_monitor",
    ]
    applied = run_lockplane("apply", "migration.json", "--skip-shadow", env=env)
    assert applied.returncode == 0, applied.stderr
    again = run_lockplane("plan", "--from", db_url, "--to", "schema.lp.sql", env=env)
    assert json.loads(again.stdout)["steps"] == []
    with conn.cursor() as cur:
        cur.execute("SELECT pg_get_userbyid(relowner) FROM pg_class WHERE relname = 't'")
        assert cur.fetchone() == ("pg_monitor",)
