"""The session-level advisory lock that lets only one apply run against a database at a time.

Session-level (not transaction-level) because a plan may commit in several units
(non-transactional steps run in autocommit between transactions) and the lock must cover
all of them. Advisory locks are per database, so applies to different databases on one
server do not wait for each other. We poll ``pg_try_advisory_lock`` rather than block in
``pg_advisory_lock`` so the wait has a deadline we control and the error can say why.
"""

from __future__ import annotations

import time

from alembic_lockplane.db.connect import Connection, describe
from alembic_lockplane.errors import LockplaneError

# A fixed 64-bit key: the first 8 bytes of sha256(b"alembic-lockplane apply"), as a signed bigint.
ADVISORY_LOCK_KEY = -8599555003868907529


class ApplyLockTimeout(LockplaneError):
    """Another apply held the advisory lock for longer than we were willing to wait."""


def acquire(conn: Connection, url: str, wait_seconds: float) -> None:
    """Take the apply lock on ``conn`` (autocommit), polling until ``wait_seconds`` have passed."""
    deadline = time.monotonic() + max(wait_seconds, 0.0)
    pause = 0.05
    while True:
        with conn.cursor() as cur:
            cur.execute("SELECT pg_try_advisory_lock(%s)", (ADVISORY_LOCK_KEY,))
            row = cur.fetchone()
        if row is not None and row[0]:
            return
        if time.monotonic() >= deadline:
            raise ApplyLockTimeout(
                f"another lockplane apply is running on {describe(url)}: gave up waiting for "
                f"its advisory lock after {wait_seconds:g}s; nothing was applied",
                hint="wait for the other apply to finish, then re-run (the drift guard will "
                "tell whether this plan still fits)",
            )
        time.sleep(pause)
        pause = min(pause * 2, 0.5)


def release(conn: Connection) -> None:
    """Give the lock back (closing the connection would too; this makes it explicit)."""
    if conn.closed:
        return
    with conn.cursor() as cur:
        cur.execute("SELECT pg_advisory_unlock(%s)", (ADVISORY_LOCK_KEY,))
