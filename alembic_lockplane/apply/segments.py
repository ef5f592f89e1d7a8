"""Cut a plan into the units that are committed one at a time.

PostgreSQL refuses some statements inside a transaction block (``CREATE INDEX CONCURRENTLY``,
``ALTER TYPE ... ADD VALUE`` before PG 12 in some forms, ``DROP INDEX CONCURRENTLY``), so a
plan cannot always be one transaction. We keep plan order and cut only where we must: every
run of consecutive transactional steps is one transaction; every non-transactional step is a
unit of its own, run in autocommit. A plan without non-transactional steps is one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass

from alembic_lockplane.plan.model import Step


@dataclass(frozen=True)
class Segment:
    """Steps ``start .. start + len(steps) - 1`` (0-based) that commit together."""

    start: int
    steps: tuple[Step, ...]
    transactional: bool

    @property
    def end(self) -> int:
        """Index one past the last step of the segment."""
        return self.start + len(self.steps)


def segments(steps: tuple[Step, ...], start: int = 0) -> tuple[Segment, ...]:
    """The commit units of ``steps[start:]``, in plan order."""
    out: list[Segment] = []
    block: list[Step] = []
    block_start = start
    for index in range(start, len(steps)):
        step = steps[index]
        if step.transactional:
            if not block:
                block_start = index
            block.append(step)
            continue
        if block:
            out.append(Segment(block_start, tuple(block), True))
            block = []
        out.append(Segment(index, (step,), False))
    if block:
        out.append(Segment(block_start, tuple(block), True))
    return tuple(out)


def resume_points(steps: tuple[Step, ...]) -> tuple[int, ...]:
    """Step indexes (> 0) where an earlier, interrupted run can have stopped with work committed.

    Those are the starts of every commit unit after the first: a transaction that did not
    commit leaves nothing behind, so the database can only be "between" units.
    """
    return tuple(seg.start for seg in segments(steps)[1:])
