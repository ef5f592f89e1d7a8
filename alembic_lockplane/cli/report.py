"""The human safety report (stderr): a line per step, then findings with hints, then a summary."""

from __future__ import annotations

from collections.abc import Collection

from alembic_lockplane.plan.model import Finding, Plan, Safety, lock_summary


def blocking_findings(plan: Plan, allowed: Collection[str]) -> list[Finding]:
    return [f for f in plan.findings if f.blocking and f.code not in allowed]


def safety_report(plan: Plan, allowed: Collection[str] = ()) -> str:
    if not plan.steps:
        return "No changes: the schemas match.\n"
    lines = []
    width = max(len(level.value) for level in Safety)
    for number, step in enumerate(plan.steps, 1):
        marker = "" if step.transactional else "  [outside transaction]"
        lines.append(f"{number:>3}. {step.safety.value:<{width}}  {step.description}{marker}")
        if step.lock:
            lines.append(f"{'':>{width + 7}}lock: {lock_summary(step)}")
    findings = [(n, f) for n, s in enumerate(plan.steps, 1) for f in s.findings]
    if findings:
        lines.append("")
        lines.append("Findings:")
        for number, finding in findings:
            state = ""
            if finding.blocking:
                state = " (allowed)" if finding.code in allowed else " (blocking)"
            lines.append(
                f"  step {number}: {finding.level.value} [{finding.code}]{state} {finding.message}"
            )
            lines.append(f"      hint: {finding.hint}")
    counts = {level: sum(1 for s in plan.steps if s.safety is level) for level in Safety}
    summary = ", ".join(f"{n} {level.value}" for level, n in counts.items() if n)
    blocked = blocking_findings(plan, allowed)
    lines.append("")
    lines.append(f"{len(plan.steps)} steps: {summary}.")
    if blocked:
        codes = ", ".join(sorted({f.code for f in blocked}))
        lines.append(f"Blocked by: {codes} (allow with --allow CODE once reviewed).")
    return "\n".join(lines) + "\n"
