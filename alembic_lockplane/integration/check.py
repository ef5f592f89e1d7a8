"""The CI check: does the revision chain produce the desired schema?

Replays the chain on a scratch database (never the project's env.py, never the live
database), then plans from the result to ``schema.lp.sql``. An empty plan means every
change of the desired schema is in a revision; anything else is the missing plan
(``schema.lp.sql`` edited without a revision, or a revision edited by hand).
"""

from __future__ import annotations

from alembic.config import Config

from alembic_lockplane.integration import settings as settings_mod
from alembic_lockplane.integration.replay import replayed_schema
from alembic_lockplane.plan.model import Plan


def check(config: Config, *, roundtrip: bool = False) -> Plan:
    """The plan still missing from the revision chain of ``config`` (empty when none).

    ``roundtrip`` also runs every downgrade to ``base`` and the upgrades again, and fails
    (``PlanError``) when that does not give the same schema.
    """
    from alembic_lockplane.engine import load_desired, make_plan, rename_hints

    s = settings_mod.load(config)
    owners, privileges = s.manage_owners, s.manage_privileges
    replayed = replayed_schema(
        config,
        shadow_url=s.shadow_url,
        schemas=s.schemas,
        roundtrip=roundtrip,
        owners=owners,
        privileges=privileges,
    )
    desired = load_desired(
        s.schema_path,
        shadow_url=s.shadow_url,
        schemas=s.schemas,
        cwd=s.base_dir,
        owners=owners,
        privileges=privileges,
    )
    hints = rename_hints(s.schema_path, cwd=s.base_dir)
    return make_plan(
        replayed,
        desired,
        hints=hints,
        shadow_url=s.shadow_url,
        schemas=s.schemas,
        owners=owners,
        privileges=privileges,
    )
