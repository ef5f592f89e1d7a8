"""Run a plan's steps on one connection, unit by unit (see ``segments``), with timeouts.

Semantics, in plan order:

- consecutive transactional steps run in ONE transaction, committed after the last of them;
  if any of them fails, the whole unit is rolled back by PostgreSQL;
- a non-transactional step runs alone in autocommit, after the transaction before it has
  committed and before the next one begins;
- before every step, ``lock_timeout`` (and ``statement_timeout`` when given) is set for that
  step: ``SET LOCAL`` semantics inside a transaction, session settings in autocommit.

A failed non-transactional ``CREATE INDEX CONCURRENTLY`` leaves an invalid index behind; we
drop the invalid indexes that appeared while the step ran, so the next run can build it again.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass

import psycopg2

from alembic_lockplane.apply.errors import StepFailed, step_failed
from alembic_lockplane.apply.segments import Segment, segments
from alembic_lockplane.db.connect import Connection
from alembic_lockplane.introspect import sql as catalog_sql
from alembic_lockplane.introspect.capabilities import Capabilities
from alembic_lockplane.plan.model import Step
from alembic_lockplane.render.quote import quote_ident

Progress = Callable[[str], None]


@dataclass(frozen=True)
class Timeouts:
    """PostgreSQL intervals (``"5s"``, ``"500ms"``); ``statement_timeout=None``: left as is."""

    lock_timeout: str = "5s"
    statement_timeout: str | None = None


def invalid_indexes(conn: Connection) -> set[tuple[str, str]]:
    """``(schema, index)`` of every invalid index in user schemas."""
    text = catalog_sql.render("invalid_indexes", Capabilities(conn.server_version).flags())
    with conn.cursor() as cur:
        cur.execute(text)
        return {(str(r[0]), str(r[1])) for r in cur.fetchall()}


def drop_indexes(conn: Connection, names: set[tuple[str, str]]) -> None:
    """Drop leftover invalid indexes (autocommit; CONCURRENTLY so writers are not blocked)."""
    previous = conn.autocommit
    conn.autocommit = True
    try:
        with conn.cursor() as cur:
            for schema, name in sorted(names):
                cur.execute(
                    f"DROP INDEX CONCURRENTLY IF EXISTS {quote_ident(schema)}.{quote_ident(name)}"
                )
    finally:
        conn.autocommit = previous


def _set_timeouts(conn: Connection, timeouts: Timeouts, *, local: bool) -> None:
    with conn.cursor() as cur:
        cur.execute("SELECT set_config('lock_timeout', %s, %s)", (timeouts.lock_timeout, local))
        if timeouts.statement_timeout is not None:
            cur.execute(
                "SELECT set_config('statement_timeout', %s, %s)",
                (timeouts.statement_timeout, local),
            )


def _run_sql(conn: Connection, step: Step) -> None:
    with conn.cursor() as cur:
        for statement in step.sql:
            # No parameters: psycopg2 then sends the text as is ('%' needs no escaping).
            cur.execute(statement)


def _lost(conn: Connection, exc: BaseException) -> bool:
    return bool(conn.closed) or isinstance(exc, psycopg2.InterfaceError)


class Runner:
    """Runs units of one plan on ``conn`` and keeps count of what is committed."""

    def __init__(
        self,
        conn: Connection,
        steps: tuple[Step, ...],
        *,
        timeouts: Timeouts,
        progress: Progress,
        label: str = "",
        committed: int = 0,
    ) -> None:
        self.conn = conn
        self.steps = steps
        self.timeouts = timeouts
        self.progress = progress
        self.label = label
        self.committed = committed

    def run(self, start: int = 0) -> int:
        """Run ``steps[start:]``; returns how many steps this call committed."""
        before = self.committed
        for unit in segments(self.steps, start):
            if unit.transactional:
                self._transaction(unit)
            else:
                self._autocommit(unit)
        return self.committed - before

    def _announce(self, index: int, step: Step) -> None:
        self.progress(f"{self.label}[{index + 1}/{len(self.steps)}] {step.description}")

    def _fail(self, exc: BaseException, index: int, unit: Segment) -> StepFailed:
        lost = _lost(self.conn, exc)
        return step_failed(
            exc,
            number=index + 1,
            total=len(self.steps),
            description=self.steps[index].description,
            committed=self.committed,
            rolled_back=(unit.start + 1, index + 1),
            connection_lost=lost,
            lock_timeout=self.timeouts.lock_timeout,
            statement_timeout=self.timeouts.statement_timeout,
        )

    def _transaction(self, unit: Segment) -> None:
        conn = self.conn
        conn.autocommit = False
        index = unit.start
        try:
            for offset, step in enumerate(unit.steps):
                index = unit.start + offset
                self._announce(index, step)
                _set_timeouts(conn, self.timeouts, local=True)
                _run_sql(conn, step)
        except psycopg2.Error as exc:
            if not conn.closed:
                conn.rollback()
            raise self._fail(exc, index, unit) from None
        try:
            conn.commit()
        except psycopg2.Error as exc:
            raise self._commit_failed(exc, unit) from None
        self.committed = unit.end

    def _commit_failed(self, exc: psycopg2.Error, unit: Segment) -> StepFailed:
        last = unit.end
        if _lost(self.conn, exc):
            return step_failed(
                exc,
                number=last,
                total=len(self.steps),
                description=f"commit of steps {unit.start + 1}-{last}",
                committed=self.committed,
                rolled_back=None,
                connection_lost=True,
                lock_timeout=self.timeouts.lock_timeout,
                statement_timeout=self.timeouts.statement_timeout,
            )
        return self._fail(exc, last - 1, unit)

    def _autocommit(self, unit: Segment) -> None:
        conn = self.conn
        conn.autocommit = True
        step = unit.steps[0]
        self._announce(unit.start, step)
        leftovers_before = invalid_indexes(conn)
        try:
            _set_timeouts(conn, self.timeouts, local=False)
            _run_sql(conn, step)
        except psycopg2.Error as exc:
            failure = self._fail(exc, unit.start, unit)
            if not conn.closed:
                # A failed CREATE INDEX CONCURRENTLY leaves an invalid index: drop it now.
                # If even that fails, the next run drops it (see apply.resume).
                with contextlib.suppress(psycopg2.Error):
                    drop_indexes(conn, invalid_indexes(conn) - leftovers_before)
            raise failure from None
        self.committed = unit.end
