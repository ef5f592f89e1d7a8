"""One step of a lock-safe sequence: its SQL, its own rollback, and what it locks.

A strategy turns one change into several steps because the point of the sequence is the
commit between them: ``VALIDATE CONSTRAINT`` must not run in the transaction that still
holds the lock ``ADD CONSTRAINT`` took. Each piece therefore carries its own
``transactional`` flag (``False`` = run alone, in autocommit) and its own rollback.
"""

from __future__ import annotations

from dataclasses import dataclass

ACCESS_EXCLUSIVE = "ACCESS EXCLUSIVE"
SHARE_ROW_EXCLUSIVE = "SHARE ROW EXCLUSIVE"
SHARE_UPDATE_EXCLUSIVE = "SHARE UPDATE EXCLUSIVE"


@dataclass(frozen=True)
class Piece:
    """``rollback`` undoes this piece alone; ``()`` when nothing needs undoing (a VALIDATE)."""

    description: str
    sql: tuple[str, ...]
    rollback: tuple[str, ...]
    transactional: bool
    lock: str
    #: reads every row of the table while holding ``lock`` (CONCURRENTLY builds, VALIDATE)
    scans: bool = False


@dataclass(frozen=True)
class Expansion:
    """The steps one change becomes under the strategy ``strategy``."""

    strategy: str
    pieces: tuple[Piece, ...]
