"""What changed behind a revision's back: the plan from the live schema to the one expected.

Called by the upgrade guard on a mismatch, in a child process so that replaying the chain
(which needs its own Alembic ``EnvironmentContext``) never disturbs the ``alembic upgrade``
that is running. The live schema is handed over as a JSON snapshot; the expected schema is
the revision chain replayed up to the revision before the guarded one, on the shadow.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from alembic_lockplane.model.objects import Schema

TIMEOUT_SECONDS = 300


def describe_drift(
    config: Any,
    live: Schema,
    planned_at: str | None,
    schemas: Sequence[str] | None,
    *,
    owners: bool = False,
    privileges: bool = True,
) -> str:
    """The differences as plan text, or a line saying why they could not be computed.
    ``owners``/``privileges``: what the guarded revision's hash covers."""
    from alembic_lockplane.model.serde import schema_to_json

    with tempfile.TemporaryDirectory(prefix="lockplane-drift-") as tmp:
        snapshot = Path(tmp) / "live.json"
        snapshot.write_text(schema_to_json(live), encoding="utf-8")
        args = [sys.executable, "-m", __name__, "--live", str(snapshot)]
        args += ["--section", config.config_ini_section]
        if config.config_file_name:
            args += ["--ini", str(config.config_file_name)]
        if config.toml_file_name:
            args += ["--toml", str(config.toml_file_name)]
        if planned_at:
            args += ["--at", planned_at]
        for schema in schemas or ():
            args += ["--schema", schema]
        args += ["--owners"] if owners else []
        args += [] if privileges else ["--no-privileges"]
        try:
            done = subprocess.run(
                args, capture_output=True, text=True, timeout=TIMEOUT_SECONDS, check=False
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            return f"(could not compute the differences: {exc})"
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["unknown error"])[-1]
        return f"(could not compute the differences: {last})"
    return done.stdout.rstrip("\n")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m alembic_lockplane.integration.drift")
    parser.add_argument("--live", required=True)
    parser.add_argument("--ini")
    parser.add_argument("--toml")
    parser.add_argument("--section", default="alembic")
    parser.add_argument("--at")
    parser.add_argument("--schema", action="append", default=[])
    parser.add_argument("--owners", action="store_true")
    parser.add_argument("--no-privileges", dest="privileges", action="store_false")
    args = parser.parse_args(argv)

    from alembic.config import Config

    from alembic_lockplane.db.connect import connect
    from alembic_lockplane.engine import load_snapshot, make_plan
    from alembic_lockplane.integration.replay import replayed_database
    from alembic_lockplane.integration.settings import load
    from alembic_lockplane.introspect import introspect

    config = Config(file_=args.ini, toml_file=args.toml, ini_section=args.section)
    settings = load(config)
    schemas = args.schema or None
    with replayed_database(config, settings.shadow_url, args.at) as url:
        conn = connect(url)
        try:
            expected = introspect(conn, schemas, owners=args.owners, privileges=args.privileges)
        finally:
            conn.close()
    plan = make_plan(load_snapshot(Path(args.live)), expected)
    if not plan.steps:
        print("(the differences are outside what the revision chain reproduces)")
        return 0
    print("To get back to the schema this revision expects:")
    for number, step in enumerate(plan.steps, 1):
        print(f"  {number}. {step.description}")
        for sql in step.sql:
            print(f"       {sql};")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
