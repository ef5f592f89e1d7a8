"""A plan: ordered steps of SQL, each with a safety level, findings and its reverse."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Safety(StrEnum):
    """Levels in increasing order of risk; compare with ``Safety.rank``."""

    SAFE = "safe"
    REVIEW = "review"
    LOSSY = "lossy"
    DANGEROUS = "dangerous"

    @property
    def rank(self) -> int:
        return list(Safety).index(self)

    @staticmethod
    def highest(levels: list[Safety] | tuple[Safety, ...]) -> Safety:
        return max(levels, key=lambda s: s.rank, default=Safety.SAFE)


@dataclass(frozen=True)
class Finding:
    """What a safety rule says about a step."""

    code: str
    level: Safety
    message: str
    hint: str
    blocking: bool = False


@dataclass(frozen=True)
class Step:
    """One unit of work. ``rollback`` is ``None`` when the step has no honest reverse.

    ``lock`` is the strongest lock taken on a table that exists before the plan;
    ``rewrites`` / ``scans`` say whether the step rewrites / reads every row of such a
    table while holding it (``render/locks.py``: ``table_work``).
    """

    description: str
    sql: tuple[str, ...]
    safety: Safety = Safety.SAFE
    findings: tuple[Finding, ...] = ()
    transactional: bool = True
    rollback: tuple[str, ...] | None = ()
    lock: str | None = None
    rewrites: bool = False
    scans: bool = False


def lock_summary(step: Step) -> str:
    """``ACCESS EXCLUSIVE, rewrites the table`` / ``SHARE, scans the table`` /
    ``ACCESS EXCLUSIVE, catalog only`` (no row read: the lock is held for a moment);
    empty when the step locks no table that exists before the plan."""
    if not step.lock:
        return ""
    if step.rewrites:
        return f"{step.lock}, rewrites the table"
    return f"{step.lock}, {'scans the table' if step.scans else 'catalog only'}"


@dataclass(frozen=True)
class Plan:
    source_hash: str
    target_hash: str
    steps: tuple[Step, ...] = ()

    @property
    def safety(self) -> Safety:
        return Safety.highest([s.safety for s in self.steps])

    @property
    def findings(self) -> tuple[Finding, ...]:
        return tuple(f for s in self.steps for f in s.findings)
