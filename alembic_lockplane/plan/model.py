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
    """One unit of work. ``rollback`` is ``None`` when the step has no honest reverse."""

    description: str
    sql: tuple[str, ...]
    safety: Safety = Safety.SAFE
    findings: tuple[Finding, ...] = ()
    transactional: bool = True
    rollback: tuple[str, ...] | None = ()
    lock: str | None = None


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
