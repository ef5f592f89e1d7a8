"""What a lockplane revision calls at ``alembic upgrade`` / ``downgrade`` time.

``op.execute("...")`` is not a raw pipe: SQLAlchemy's ``text()`` takes ``' :name'`` for a
bind parameter online, and offline (``--sql``) every ``%`` is written as ``%%``. DDL from a
plan must reach PostgreSQL byte for byte, so ``execute`` sends it with
``Connection.exec_driver_sql`` with ``no_parameters`` (the DBAPI does no ``%`` formatting) online,
and writes it verbatim to Alembic's output buffer offline.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Literal

from alembic import op


def execute(sql: str) -> None:
    """Run one statement exactly as written (online), or print it as is (offline)."""
    context = op.get_context()
    if context.as_sql:
        impl = context.impl
        impl.static_output(sql.strip() + impl.command_terminator)
        return
    # no_parameters: SQLAlchemy then calls cursor.execute(sql) without a parameter
    # collection, so the driver does no %-formatting either (an empty dict would trigger it).
    op.get_bind().exec_driver_sql(sql, execution_options={"no_parameters": True})


def guard(
    expected_hash: str,
    *,
    schemas: Sequence[str] | None = None,
    planned_at: str | Sequence[str] | Literal[False] | None = False,
    owners: bool = False,
    privileges: bool = True,
) -> None:
    """Stop before any change unless the live schema hashes to ``expected_hash``.

    The mode comes from the ``guard`` setting (``error``, ``warn``, ``off``). Offline the
    check cannot run; the expectation is written into the script as a comment.
    ``planned_at`` names the revision whose schema ``expected_hash`` describes (``None``:
    base); with it, a refusal also lists the differences as a plan. ``owners`` and
    ``privileges`` say what the hash covers (the revision was planned with the
    ``manage_owners``/``manage_privileges`` settings that its call to ``guard`` records).
    """
    context = op.get_context()
    scope = ", ".join(schemas) if schemas else "all non-system schemas"
    if context.as_sql:
        context.impl.static_output(
            f"-- lockplane guard: this revision expects schema hash {expected_hash} "
            f"(schemas: {scope}); not checked in offline mode"
        )
        return
    mode = _guard_mode()
    if mode == "off" or not expected_hash:
        return
    from alembic.util import CommandError

    from alembic_lockplane.errors import LockplaneError
    from alembic_lockplane.integration.live import live_schema
    from alembic_lockplane.model.serde import canonical_hash

    try:
        live = live_schema(context, schemas, owners=owners, privileges=privileges)
    except LockplaneError as exc:
        raise CommandError(f"lockplane guard: {exc}") from None
    actual = canonical_hash(live)
    if actual == expected_hash:
        return
    message = (
        f"schema drift: the database ({scope}) hashes to {actual}, but this revision was "
        f"planned from {expected_hash}"
    )
    hint = (
        "the schema was changed outside this revision chain; undo that change, or run with "
        "LOCKPLANE_GUARD=warn (or guard = warn/off in [lockplane]) to go ahead anyway"
    )
    if mode == "warn":
        print(f"WARNING: {message} ({hint})", file=sys.stderr)
        return
    details = ""
    if planned_at is not False and (planned_at is None or isinstance(planned_at, str)):
        from alembic_lockplane.integration.drift import describe_drift

        details = "\n" + describe_drift(
            context.config, live, planned_at, schemas, owners=owners, privileges=privileges
        )
    raise CommandError(f"{message}. Nothing was changed. Hint: {hint}{details}")


def irreversible(description: str, reason: str) -> None:
    """Refuse a downgrade through a step that has no honest reverse."""
    from alembic.util import CommandError

    raise CommandError(
        f"cannot downgrade: step {description!r} has no reverse ({reason}); "
        "restore from a backup or write this downgrade by hand"
    )


def _guard_mode() -> str:
    config = op.get_context().config
    if config is None:
        return "error"
    forced = config.attributes.get("lockplane_guard")  # set by replay: compared afterwards
    if forced:
        return str(forced)
    from alembic.util import CommandError

    from alembic_lockplane.errors import LockplaneError
    from alembic_lockplane.integration.settings import load

    try:
        return load(config).guard
    except LockplaneError as exc:
        raise CommandError(f"lockplane guard: {exc}") from None
