"""The names of the lock-safe strategies, as plans, settings and the CLI spell them.

The safety rules (``safety/context.py``) read the same names from ``PlanContext.strategies``;
a unit test keeps the two lists equal (render must not import safety: data flows one way).
"""

from __future__ import annotations

from collections.abc import Iterable

from alembic_lockplane.errors import ConfigError

#: ``CREATE INDEX CONCURRENTLY`` / ``DROP INDEX CONCURRENTLY`` on existing tables.
CONCURRENT_INDEX = "concurrent_index"
#: CHECK and FOREIGN KEY added ``NOT VALID``, validated in a step of their own.
NOT_VALID_THEN_VALIDATE = "not_valid_then_validate"
#: ``SET NOT NULL`` after a validated ``CHECK (col IS NOT NULL)`` (no scan, PostgreSQL 12+).
NOT_NULL_VIA_CHECK = "not_null_via_check"
#: UNIQUE / PRIMARY KEY from a unique index built concurrently (``USING INDEX``).
UNIQUE_VIA_INDEX = "unique_via_index"

ALL_STRATEGIES: frozenset[str] = frozenset(
    {CONCURRENT_INDEX, NOT_VALID_THEN_VALIDATE, NOT_NULL_VIA_CHECK, UNIQUE_VIA_INDEX}
)


def resolve_strategies(lock_safe: bool | Iterable[str]) -> frozenset[str]:
    """``True`` -> every strategy, ``False`` -> none, a collection -> exactly those.

    Raises ``ConfigError`` for a name that is not a strategy, so a typo in a setting does
    not silently turn a safe plan into a locking one.
    """
    if isinstance(lock_safe, bool):
        return ALL_STRATEGIES if lock_safe else frozenset()
    chosen = frozenset(lock_safe)
    unknown = sorted(chosen - ALL_STRATEGIES)
    if unknown:
        raise ConfigError(
            "unknown lock-safe strategy: " + ", ".join(unknown),
            hint="known strategies: " + ", ".join(sorted(ALL_STRATEGIES)),
        )
    return chosen
