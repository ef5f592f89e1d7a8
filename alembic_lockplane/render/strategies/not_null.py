"""``SET NOT NULL`` without scanning the table under ACCESS EXCLUSIVE.

PostgreSQL 12+ skips the scan of ``SET NOT NULL`` when a validated ``CHECK (col IS NOT
NULL)`` already proves it. So: add that CHECK ``NOT VALID`` (brief lock, no scan), validate
it in a step of its own (SHARE UPDATE EXCLUSIVE: reads and writes go on), then ``SET NOT
NULL`` and drop the helper CHECK together. The helper's name is derived from the column, so
plans stay deterministic, and is short enough never to be truncated.
"""

from __future__ import annotations

import hashlib

from alembic_lockplane.diff.changes import TableKey
from alembic_lockplane.render.quote import quote_ident
from alembic_lockplane.render.sql import alter_column, alter_table
from alembic_lockplane.render.strategies.constraints import drop_constraint, validate
from alembic_lockplane.render.strategies.piece import (
    ACCESS_EXCLUSIVE,
    SHARE_UPDATE_EXCLUSIVE,
    Piece,
)


def helper_check_name(key: TableKey, column: str) -> str:
    digest = hashlib.sha256(f"{key.schema}\0{key.name}\0{column}".encode()).hexdigest()
    return f"lockplane_nn_{digest[:16]}"


def not_null_via_check(key: TableKey, column: str, description: str) -> tuple[Piece, ...]:
    name = helper_check_name(key, column)
    check = f"CHECK ({quote_ident(column)} IS NOT NULL) NOT VALID"
    add = alter_table(key, f"ADD CONSTRAINT {quote_ident(name)} {check}")
    return (
        Piece(
            description=f"Add CHECK ({column} IS NOT NULL) NOT VALID to prepare: {description}",
            sql=(add,),
            rollback=(drop_constraint(key, name),),
            transactional=True,
            lock=ACCESS_EXCLUSIVE,
        ),
        Piece(
            description=f"Validate the CHECK ({column} IS NOT NULL) on existing rows",
            sql=(validate(key, name),),
            rollback=(),
            transactional=False,
            lock=SHARE_UPDATE_EXCLUSIVE,
            scans=True,
        ),
        Piece(
            description=f"{description} (proven by the CHECK: no scan), drop the CHECK",
            sql=(alter_column(key, column, "SET NOT NULL"), drop_constraint(key, name)),
            rollback=(alter_column(key, column, "DROP NOT NULL"), add),
            transactional=True,
            lock=ACCESS_EXCLUSIVE,
        ),
    )
