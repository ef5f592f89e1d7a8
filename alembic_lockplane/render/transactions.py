"""Which statements must run outside the plan's transaction.

Steps we render carry this flag from the change itself; this reading of SQL text is for
statements we did not render: rollback SQL read back from a plan file, and plan files
written by Lockplane (Go), which have no ``transactional`` key.
"""

from __future__ import annotations

import re

_OUTSIDE = re.compile(
    r"""^\s*(
        (CREATE|DROP)\s+(UNIQUE\s+)?INDEX\s+CONCURRENTLY
      | REINDEX\b.*\bCONCURRENTLY
      | ALTER\s+TYPE\s.*\sADD\s+VALUE\s
      | VACUUM\b
      | (CREATE|DROP)\s+DATABASE\b
      | ALTER\s+SYSTEM\b
      | (CREATE|DROP)\s+TABLESPACE\b
      | ALTER\s+TABLE\s.*\sDETACH\s+PARTITION\s.*\sCONCURRENTLY
    )""",
    re.IGNORECASE | re.VERBOSE | re.DOTALL,
)


def runs_in_transaction(statement: str) -> bool:
    """False for statements PostgreSQL refuses (or limits) inside a transaction block."""
    return _OUTSIDE.match(statement) is None


def step_runs_in_transaction(statements: tuple[str, ...]) -> bool:
    return all(runs_in_transaction(s) for s in statements)
