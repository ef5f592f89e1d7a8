"""Run a project's revision chain on a scratch database, without the project's env.py.

env.py decides where it connects (often from the application's own settings), so running it
against a scratch database could migrate the real one. Instead we do what ``alembic
upgrade`` does through Alembic's public ``EnvironmentContext``, on our own connection.
Lockplane guards are off during a replay: the result is compared as a whole afterwards.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from alembic.config import Config
from alembic.runtime.environment import EnvironmentContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError

from alembic_lockplane.errors import PlanError
from alembic_lockplane.model.objects import Schema

GUARD_ATTRIBUTE = "lockplane_guard"


def migrate(config: Config, url: str, destination: str = "heads", *, down: bool = False) -> None:
    """Upgrade (or downgrade, ``down=True``) the database at ``url`` to ``destination``."""
    from sqlalchemy import create_engine, pool

    from alembic_lockplane.integration.env import sqlalchemy_url

    script = ScriptDirectory.from_config(config)

    def steps(rev: Any, context: Any) -> Any:
        if down:
            return script._downgrade_revs(destination, rev)
        return script._upgrade_revs(destination, rev)

    engine = create_engine(sqlalchemy_url(url), poolclass=pool.NullPool)
    previous = config.attributes.get(GUARD_ATTRIBUTE)
    config.attributes[GUARD_ATTRIBUTE] = "off"
    try:
        with (
            engine.connect() as connection,
            EnvironmentContext(config, script, fn=steps, destination_rev=destination) as env,
        ):
            env.configure(connection=connection, target_metadata=None)
            with env.begin_transaction():
                env.run_migrations()
            connection.commit()
    except CommandError:
        raise
    except Exception as exc:  # a revision failed: report it with the database's message
        first = (str(getattr(exc, "orig", None) or exc).strip().splitlines() or ["error"])[0]
        raise PlanError(
            f"replaying the revision chain on a scratch database failed: {first}",
            hint="run `alembic upgrade head` on an empty database to see the full error",
        ) from exc
    finally:
        engine.dispose()
        if previous is None:
            config.attributes.pop(GUARD_ATTRIBUTE, None)
        else:
            config.attributes[GUARD_ATTRIBUTE] = previous


def replayed_schema(
    config: Config,
    *,
    shadow_url: str | None,
    schemas: Sequence[str] | None,
    roundtrip: bool = False,
) -> Schema:
    """The schema the revision chain produces from an empty database.

    With ``roundtrip``, the chain is also run down to ``base`` and up again, and both
    results must be equal.
    """
    from alembic_lockplane.db.connect import connect
    from alembic_lockplane.introspect import introspect
    from alembic_lockplane.model.serde import canonical_hash
    from alembic_lockplane.shadow.provider import scratch_database

    def read(url: str) -> Schema:
        conn = connect(url)
        try:
            return introspect(conn, schemas)
        finally:
            conn.close()

    with scratch_database(shadow_url) as url:
        migrate(config, url)
        schema = read(url)
        if roundtrip:
            migrate(config, url, "base", down=True)
            migrate(config, url)
            again = read(url)
            if canonical_hash(again) != canonical_hash(schema):
                raise PlanError(
                    "downgrade base then upgrade head does not give the same schema again",
                    hint="a downgrade() does not undo its upgrade(); run them on a scratch "
                    "database to find which",
                )
    return schema
