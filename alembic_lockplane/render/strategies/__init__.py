"""Lock-safe strategies: one change on a table that already exists -> several steps that
keep reads and writes going (see ``docs/strategies/``).

``expand`` is the only entry point: it answers ``None`` when no enabled strategy applies
(a table created by the plan, a strategy switched off, a definition it cannot take apart),
and the planner then renders the change the plain way.
"""

from __future__ import annotations

from alembic_lockplane.diff.changes import (
    AddConstraint,
    Change,
    CreateIndex,
    DropIndex,
    SetNotNull,
)
from alembic_lockplane.model.objects import ConstraintKind
from alembic_lockplane.render.describe import describe
from alembic_lockplane.render.strategies.constraints import (
    not_valid_then_validate,
    unique_via_index,
)
from alembic_lockplane.render.strategies.indexes import create_index_pieces, drop_index_pieces
from alembic_lockplane.render.strategies.names import (
    ALL_STRATEGIES,
    CONCURRENT_INDEX,
    NOT_NULL_VIA_CHECK,
    NOT_VALID_THEN_VALIDATE,
    UNIQUE_VIA_INDEX,
    resolve_strategies,
)
from alembic_lockplane.render.strategies.not_null import not_null_via_check
from alembic_lockplane.render.strategies.piece import Expansion, Piece

__all__ = [
    "ALL_STRATEGIES",
    "CONCURRENT_INDEX",
    "NOT_NULL_VIA_CHECK",
    "NOT_VALID_THEN_VALIDATE",
    "UNIQUE_VIA_INDEX",
    "Expansion",
    "Piece",
    "expand",
    "resolve_strategies",
]

_VALIDATABLE = (ConstraintKind.CHECK, ConstraintKind.FOREIGN_KEY)
_KEYS = (ConstraintKind.UNIQUE, ConstraintKind.PRIMARY_KEY)


def expand(
    change: Change, enabled: frozenset[str], created_tables: frozenset[tuple[str, str]]
) -> Expansion | None:
    """The lock-safe steps of ``change``, or ``None`` to render it plainly."""
    table = getattr(change, "table", None)
    if table is None or (table[0], table[1]) in created_tables:
        return None  # a new table is empty and invisible to others until commit
    text = describe(change)
    match change:
        case CreateIndex(new=index) if CONCURRENT_INDEX in enabled:
            return _wrap(CONCURRENT_INDEX, create_index_pieces(index, text))
        case DropIndex(old=index) if CONCURRENT_INDEX in enabled:
            return _wrap(CONCURRENT_INDEX, drop_index_pieces(index, text))
        case AddConstraint(table=key, new=con) if con.validated and con.kind in _VALIDATABLE:
            if NOT_VALID_THEN_VALIDATE not in enabled:
                return None
            return _wrap(NOT_VALID_THEN_VALIDATE, not_valid_then_validate(key, con, text))
        case AddConstraint(table=key, new=con) if con.validated and con.kind in _KEYS:
            if UNIQUE_VIA_INDEX not in enabled:
                return None
            return _wrap(UNIQUE_VIA_INDEX, unique_via_index(key, con, text))
        case SetNotNull(table=key, new=col) if NOT_NULL_VIA_CHECK in enabled:
            return _wrap(NOT_NULL_VIA_CHECK, not_null_via_check(key, col.name, text))
        case _:
            return None


def _wrap(strategy: str, pieces: tuple[Piece, ...] | None) -> Expansion | None:
    return None if pieces is None else Expansion(strategy, pieces)
