"""``CREATE INDEX CONCURRENTLY`` and ``DROP INDEX CONCURRENTLY``.

Both take SHARE UPDATE EXCLUSIVE on the table instead of SHARE (create: blocks writes for
the whole build) or ACCESS EXCLUSIVE (drop: blocks reads too), so reads and writes go on.
PostgreSQL refuses both inside a transaction block, so the step is non-transactional. A
build that fails leaves an INVALID index behind; ``apply`` detects and rebuilds it
(``apply/execute.py``), and a re-plan sees the invalid index as different from the wanted one.
"""

from __future__ import annotations

import re

from alembic_lockplane.diff.changes import CommentKind, CommentTarget
from alembic_lockplane.model.objects import Index
from alembic_lockplane.render.quote import qualified
from alembic_lockplane.render.sql import comments_if_set
from alembic_lockplane.render.strategies.piece import SHARE_UPDATE_EXCLUSIVE, Piece

# pg_get_indexdef always starts ``CREATE [UNIQUE] INDEX name ON ...``.
_CREATE = re.compile(r"^CREATE (UNIQUE )?INDEX ")


def concurrent_create(index: Index) -> tuple[str, ...] | None:
    """The index's definition built concurrently, with its comment; ``None`` when the
    definition is not the catalog's usual form (then the plain renderer is used)."""
    if not _CREATE.match(index.definition):
        return None
    create = _CREATE.sub(r"CREATE \1INDEX CONCURRENTLY ", index.definition, count=1)
    target = CommentTarget(CommentKind.INDEX, index.schema, index.name)
    return (create, *comments_if_set(target, index.comment))


def concurrent_drop(index: Index, *, if_exists: bool = False) -> str:
    guard = "IF EXISTS " if if_exists else ""
    return f"DROP INDEX CONCURRENTLY {guard}{qualified(index.schema, index.name)}"


def create_index_pieces(index: Index, description: str) -> tuple[Piece, ...] | None:
    create = concurrent_create(index)
    if create is None:
        return None
    return (
        Piece(
            description=f"{description} (concurrently)",
            sql=create,
            rollback=(concurrent_drop(index),),
            transactional=False,
            lock=SHARE_UPDATE_EXCLUSIVE,
            scans=True,
        ),
    )


def drop_index_pieces(index: Index, description: str) -> tuple[Piece, ...] | None:
    restore = concurrent_create(index)
    if restore is None:
        return None
    return (
        Piece(
            description=f"{description} (concurrently)",
            sql=(concurrent_drop(index),),
            rollback=restore,
            transactional=False,
            lock=SHARE_UPDATE_EXCLUSIVE,
        ),
    )
