"""Execute a plan against a database: drift guard, advisory lock, timeouts, transactions, shadow.

See docs/apply.md for the guarantees and their limits.
"""

from alembic_lockplane.apply.errors import StepFailed
from alembic_lockplane.apply.lock import ADVISORY_LOCK_KEY, ApplyLockTimeout
from alembic_lockplane.apply.recreate import (
    database_baseline,
    fresh_baseline,
    recreate,
    recreate_plan,
)
from alembic_lockplane.apply.run import ApplyResult, apply_plan, stderr_progress

__all__ = [
    "ADVISORY_LOCK_KEY",
    "ApplyLockTimeout",
    "ApplyResult",
    "StepFailed",
    "apply_plan",
    "database_baseline",
    "fresh_baseline",
    "recreate",
    "recreate_plan",
    "stderr_progress",
]
