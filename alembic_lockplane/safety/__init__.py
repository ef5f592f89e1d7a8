"""Safety rules: what each change does to a live database, and how risky that is.

``assess(change, ctx)`` runs every rule in ``RULES`` over one change and returns its
findings; the planner takes the step's level as the highest of them (``safe`` when there
are none). Levels, from design.md: ``safe < review < lossy < dangerous``. Findings marked
``blocking`` (the plan cannot succeed on a populated table, or would destroy data) stop
``--validate`` unless their code is allowed (``--allow CODE``). Each rule has a page in
``docs/rules/<code>.md``.
"""

from __future__ import annotations

from alembic_lockplane.diff.changes import Change
from alembic_lockplane.plan.model import Finding, Safety
from alembic_lockplane.safety.context import SafetyContext
from alembic_lockplane.safety.registry import RULES, RULES_BY_CODE
from alembic_lockplane.safety.rule import Rule


def assess(change: Change, ctx: SafetyContext) -> list[Finding]:
    """Every finding of every rule about ``change``, in registry order."""
    return [finding for rule in RULES for finding in rule.findings(change, ctx)]


def level_of(findings: list[Finding] | tuple[Finding, ...]) -> Safety:
    """A step's level: the highest of its findings, ``safe`` when it has none."""
    return Safety.highest([f.level for f in findings])


__all__ = ["RULES", "RULES_BY_CODE", "Rule", "SafetyContext", "assess", "level_of"]
