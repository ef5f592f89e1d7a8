"""The shape of one safety rule, and how its hits become ``Finding`` objects.

A rule is data plus one check function, in the style of squawk: a stable ``code`` that users
pass to ``--allow``, a fixed ``level``, a ``message`` saying what PostgreSQL will do (which
lock, a rewrite, a scan, lost data), a ``hint`` saying the safer way, and ``blocking`` for
findings that mean the plan cannot succeed or would silently destroy data. The level is fixed
per rule so the docs page, the report and ``--allow`` all mean the same thing; a change with
two hazards gets two findings.

``message`` and ``hint`` are ``str.format`` templates; the check yields one mapping of fields
per hit (for example the qualified table name), so a finding names the object it is about.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from alembic_lockplane.diff.changes import Change
from alembic_lockplane.plan.model import Finding, Safety
from alembic_lockplane.render.quote import qualified, quote_ident
from alembic_lockplane.safety.context import SafetyContext

Hit = Mapping[str, str]
Check = Callable[[Change, SafetyContext], Iterable[Hit]]


@dataclass(frozen=True)
class Rule:
    code: str
    level: Safety
    title: str
    message: str
    hint: str
    blocking: bool
    check: Check
    #: the strongest lock the flagged statement takes, when the rule is about a lock
    lock: str | None = None

    def findings(self, change: Change, ctx: SafetyContext) -> list[Finding]:
        return [
            Finding(
                code=self.code,
                level=self.level,
                message=self.message.format_map(hit),
                hint=self.hint.format_map(hit),
                blocking=self.blocking,
            )
            for hit in self.check(change, ctx)
        ]


def table_name(table: tuple[str, str]) -> str:
    """``schema.table`` as SQL would spell it, for messages."""
    return qualified(table[0], table[1])


def column_name(table: tuple[str, str], column: str) -> str:
    return f"{table_name(table)}.{quote_ident(column)}"
