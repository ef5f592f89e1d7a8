"""Run a project's revision chain on a scratch database, without the project's env.py.

env.py decides where it connects (often from the application's own settings), so running it
against a scratch database could migrate the real one. Instead we do what ``alembic
upgrade`` does through Alembic's public ``EnvironmentContext``, on our own connection.
Lockplane guards are off during a replay: the result is compared as a whole afterwards.
On the embedded shadow, a revision that names a role the shadow lacks (a ``GRANT``, a policy,
an ``OWNER TO``) gets the role created and the replay starts again on a new scratch database
(``shadow/roles.py``); a configured shadow server must have the roles.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from alembic.config import Config
from alembic.runtime.environment import EnvironmentContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError

from alembic_lockplane.errors import PlanError
from alembic_lockplane.model.objects import Schema

GUARD_ATTRIBUTE = "lockplane_guard"
_ROLE_RETRIES = 20


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
        from alembic_lockplane.shadow.roles import missing_role_hint, missing_role_of

        first = (str(getattr(exc, "orig", None) or exc).strip().splitlines() or ["error"])[0]
        role = missing_role_of(exc)
        raise PlanError(
            f"replaying the revision chain on a scratch database failed: {first}",
            hint=missing_role_hint(role)
            if role
            else "run `alembic upgrade head` on an empty database to see the full error",
        ) from exc
    finally:
        engine.dispose()
        if previous is None:
            config.attributes.pop(GUARD_ATTRIBUTE, None)
        else:
            config.attributes[GUARD_ATTRIBUTE] = previous


@contextmanager
def replayed_database(
    config: Config, shadow_url: str | None, destination: str | None = "heads"
) -> Iterator[str]:
    """A scratch database of ``shadow_url`` migrated to ``destination`` (``None``: left
    empty); yields its URL.

    On the embedded shadow a missing role is created and the replay starts again on a new
    scratch database (a failed replay may have committed part of the chain)."""
    from alembic_lockplane.db.connect import connect
    from alembic_lockplane.shadow import roles
    from alembic_lockplane.shadow.provider import scratch_database

    created: set[str] = set()
    while True:
        with scratch_database(shadow_url) as url:
            try:
                if destination is not None:
                    migrate(config, url, destination)
            except PlanError as exc:
                role = roles.missing_role_of(exc)
                if (
                    role is None
                    or not roles.creates_roles(shadow_url)
                    or role in created
                    or len(created) >= _ROLE_RETRIES
                ):
                    raise
                created.add(role)
                admin = connect(url, autocommit=True)
                try:
                    roles.ensure_roles(admin, [role])
                finally:
                    admin.close()
                continue
            yield url
            return


def replayed_schema(
    config: Config,
    *,
    shadow_url: str | None,
    schemas: Sequence[str] | None,
    roundtrip: bool = False,
    owners: bool = False,
    privileges: bool = True,
) -> Schema:
    """The schema the revision chain produces from an empty database (read with ``owners``
    and ``privileges`` as the ``manage_*`` settings say).

    With ``roundtrip``, the chain is also run down to ``base`` and up again, and both
    results must be equal.
    """
    from alembic_lockplane.db.connect import connect
    from alembic_lockplane.introspect import introspect
    from alembic_lockplane.model.serde import canonical_hash

    def read(url: str) -> Schema:
        conn = connect(url)
        try:
            return introspect(conn, schemas, owners=owners, privileges=privileges)
        finally:
            conn.close()

    with replayed_database(config, shadow_url) as url:
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
