"""Turn a PostgreSQL error raised by a step into one line a user can act on.

The line names the step (number and description), says what PostgreSQL said, and says
what state the database is in: that is what a user needs to decide what to do next.
Everything that leaves here goes through ``redact`` so a URL with a password that ends up
in a server message (a step that casts a URL string, say) is never printed.
"""

from __future__ import annotations

import psycopg2

from alembic_lockplane.db.url import redact
from alembic_lockplane.errors import PlanError

LOCK_NOT_AVAILABLE = "55P03"
QUERY_CANCELED = "57014"


class StepFailed(PlanError):
    """A step failed on the database. ``committed`` steps (a plan prefix) stay applied."""

    def __init__(
        self,
        message: str,
        *,
        hint: str | None,
        step_number: int,
        sqlstate: str | None,
        committed: int,
        reason: str = "",
        connection_lost: bool = False,
    ) -> None:
        super().__init__(redact(message), hint=redact(hint) if hint else None)
        self.reason = redact(reason)
        self.step_number = step_number
        self.sqlstate = sqlstate
        self.committed = committed
        self.connection_lost = connection_lost


def server_message(exc: BaseException) -> str:
    """PostgreSQL's primary message, or the first line of the driver's text."""
    if isinstance(exc, psycopg2.Error) and exc.diag.message_primary:
        return redact(exc.diag.message_primary.strip())
    lines = str(exc).strip().splitlines()
    return redact(lines[0] if lines else type(exc).__name__)


def server_hint(exc: BaseException) -> str | None:
    if isinstance(exc, psycopg2.Error) and exc.diag.message_hint:
        return redact(exc.diag.message_hint.strip())
    return None


def state_after(committed: int, rolled_back: tuple[int, int] | None) -> str:
    """What the database holds now, in words."""
    if rolled_back is None:
        undone = ""
    elif rolled_back[0] == rolled_back[1]:
        undone = f"step {rolled_back[0]} was not applied"
    else:
        undone = f"steps {rolled_back[0]}-{rolled_back[1]} were rolled back"
    if committed == 0:
        return "nothing was applied"
    done = "step 1 is applied" if committed == 1 else f"steps 1-{committed} are applied"
    return f"{done}, {undone}" if undone else done


def step_failed(
    exc: BaseException,
    *,
    number: int,
    total: int,
    description: str,
    committed: int,
    rolled_back: tuple[int, int] | None,
    connection_lost: bool,
    lock_timeout: str,
    statement_timeout: str | None,
) -> StepFailed:
    """The ``StepFailed`` for ``exc`` raised while step ``number`` (1-based) ran."""
    sqlstate = exc.pgcode if isinstance(exc, psycopg2.Error) else None
    reason = server_message(exc)
    where = f"step {number}/{total} ({description})"
    state = state_after(committed, rolled_back)
    if sqlstate == LOCK_NOT_AVAILABLE:
        return StepFailed(
            f"{where}: gave up after lock_timeout={lock_timeout}: another session holds a "
            f"lock on the table this step alters ({reason}); {state}",
            hint="find the blocking session in pg_stat_activity, let it finish, then re-run; "
            "or allow a longer lock_timeout",
            step_number=number,
            sqlstate=sqlstate,
            committed=committed,
            reason=reason,
        )
    if sqlstate == QUERY_CANCELED and statement_timeout:
        return StepFailed(
            f"{where}: cancelled by statement_timeout={statement_timeout}; {state}",
            hint="allow a longer statement_timeout, or run the step at a quieter time",
            step_number=number,
            sqlstate=sqlstate,
            committed=committed,
            reason=reason,
        )
    if connection_lost:
        return StepFailed(
            f"{where}: the connection to the database was lost ({reason}); "
            f"the server rolls back an unfinished transaction, so {state}",
            hint="re-run the same command: the drift guard checks the database first",
            step_number=number,
            sqlstate=sqlstate,
            committed=committed,
            reason=reason,
            connection_lost=True,
        )
    return StepFailed(
        f"{where} failed: {reason}; {state}",
        hint=server_hint(exc) or "fix the cause, then re-run the same command",
        step_number=number,
        sqlstate=sqlstate,
        committed=committed,
        reason=reason,
    )
