"""What a safety rule may know about the plan besides the change it looks at.

``plan/build.py`` owns the real ``PlanContext`` (which satisfies this Protocol); the rules type
against the Protocol so the safety package does not import the planner (data flows one way:
diff -> safety -> plan).

Optional attribute, read with ``getattr`` so a context without it still type-checks:

* ``strategies: frozenset[str]`` - the lock-safe rendering strategies in force for this plan
  (issue 9), by the names below. When the renderer builds an index concurrently, a rule must
  not warn that it is built under a SHARE lock.
"""

from __future__ import annotations

from typing import Protocol

from alembic_lockplane.diff.changes import AddConstraint, Change
from alembic_lockplane.model.objects import Schema

#: ``CREATE INDEX CONCURRENTLY`` / ``DROP INDEX CONCURRENTLY`` on existing tables.
CONCURRENT_INDEX = "concurrent_index"
#: CHECK and FOREIGN KEY added ``NOT VALID`` and validated in a later step.
NOT_VALID_THEN_VALIDATE = "not_valid_then_validate"
#: ``SET NOT NULL`` after a validated ``CHECK (col IS NOT NULL)`` (no scan, PostgreSQL 12+).
NOT_NULL_VIA_CHECK = "not_null_via_check"
#: UNIQUE / PRIMARY KEY from a unique index built concurrently (``USING INDEX``).
UNIQUE_VIA_INDEX = "unique_via_index"


class SafetyContext(Protocol):
    """The plan-wide facts the rules read: both schemas and the tables this plan creates."""

    @property
    def current(self) -> Schema: ...

    @property
    def desired(self) -> Schema: ...

    @property
    def created_tables(self) -> frozenset[tuple[str, str]]: ...


def uses_strategy(ctx: SafetyContext, name: str) -> bool:
    """True when the plan renders with the lock-safe strategy ``name``."""
    strategies: frozenset[str] = getattr(ctx, "strategies", frozenset())
    return name in strategies


def is_existing_table(ctx: SafetyContext, table: tuple[str, str]) -> bool:
    """A table that holds rows before the plan runs: not created by this plan.

    Lock and rewrite rules only matter for these; a table created in the same plan is empty
    and nobody else can be waiting on it.
    """
    return (table[0], table[1]) not in ctx.created_tables


def added_constraint_on_existing_table(change: Change, ctx: SafetyContext) -> bool:
    """Shared guard of the ``add_*`` constraint rules: a validated constraint added to a table
    that already holds rows (a ``NOT VALID`` one is not checked against existing rows)."""
    return (
        isinstance(change, AddConstraint)
        and change.new.validated
        and is_existing_table(ctx, change.table)
    )
