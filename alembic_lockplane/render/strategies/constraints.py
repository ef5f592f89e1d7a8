"""Constraints on tables that already hold rows, without a long blocking lock.

* CHECK and FOREIGN KEY: ``ADD ... NOT VALID`` (no scan; new rows are checked at once),
  then ``VALIDATE CONSTRAINT`` in a step of its own. VALIDATE takes only SHARE UPDATE
  EXCLUSIVE, but run in the transaction of the ADD it would scan while that transaction
  still holds the ADD's lock (ACCESS EXCLUSIVE for CHECK, SHARE ROW EXCLUSIVE for FK), so
  the VALIDATE step is non-transactional: the ADD has committed before it starts.
* UNIQUE and PRIMARY KEY: ``CREATE UNIQUE INDEX CONCURRENTLY`` named like the constraint,
  then ``ADD CONSTRAINT ... USING INDEX``, which only needs its lock for a moment (a PRIMARY
  KEY on nullable columns would also SET NOT NULL; the diff sets NOT NULL in an earlier step).
"""

from __future__ import annotations

import re

from alembic_lockplane.diff.changes import CommentKind, CommentTarget, TableKey
from alembic_lockplane.model.objects import Constraint, ConstraintKind, Index
from alembic_lockplane.render.quote import quote_ident
from alembic_lockplane.render.sql import alter_table, comments_if_set, table_name
from alembic_lockplane.render.strategies.indexes import concurrent_drop
from alembic_lockplane.render.strategies.piece import (
    ACCESS_EXCLUSIVE,
    SHARE_ROW_EXCLUSIVE,
    SHARE_UPDATE_EXCLUSIVE,
    Piece,
)


def add_not_valid(key: TableKey, con: Constraint) -> tuple[str, ...]:
    sql = alter_table(key, f"ADD CONSTRAINT {quote_ident(con.name)} {con.definition} NOT VALID")
    target = CommentTarget(CommentKind.CONSTRAINT, key.schema, con.name, key.name)
    return (sql, *comments_if_set(target, con.comment))


def drop_constraint(key: TableKey, name: str) -> str:
    return alter_table(key, f"DROP CONSTRAINT {quote_ident(name)}")


def validate(key: TableKey, name: str) -> str:
    return alter_table(key, f"VALIDATE CONSTRAINT {quote_ident(name)}")


def not_valid_then_validate(key: TableKey, con: Constraint, description: str) -> tuple[Piece, ...]:
    add_lock = SHARE_ROW_EXCLUSIVE if con.kind is ConstraintKind.FOREIGN_KEY else ACCESS_EXCLUSIVE
    return (
        Piece(
            description=f"{description} (NOT VALID: existing rows not checked yet)",
            sql=add_not_valid(key, con),
            rollback=(drop_constraint(key, con.name),),
            transactional=True,
            lock=add_lock,
        ),
        Piece(
            description=f"Validate constraint {con.name} on existing rows",
            sql=(validate(key, con.name),),
            rollback=(),
            transactional=False,
            lock=SHARE_UPDATE_EXCLUSIVE,
            scans=True,
        ),
    )


# pg_get_constraintdef of a plain UNIQUE / PRIMARY KEY; storage parameters and tablespaces
# (``WITH (...)``, ``USING INDEX TABLESPACE``) do not match and keep the plain renderer.
_KEY = re.compile(
    r"^(?P<kind>UNIQUE(?P<nnd> NULLS NOT DISTINCT)?|PRIMARY KEY)"
    r" \((?P<cols>[^()]*)\)(?P<include> INCLUDE \([^()]*\))?"
    r"(?P<deferral>( DEFERRABLE)?( INITIALLY DEFERRED)?)$"
)


def unique_via_index(key: TableKey, con: Constraint, description: str) -> tuple[Piece, ...] | None:
    found = _KEY.match(con.definition)
    if found is None:
        return None
    kind = "UNIQUE" if found["kind"].startswith("UNIQUE") else "PRIMARY KEY"
    index = Index(key.schema, con.name, key.name, definition="")
    create = (
        f"CREATE UNIQUE INDEX CONCURRENTLY {quote_ident(con.name)} ON {table_name(key)}"
        f" USING btree ({found['cols']}){found['include'] or ''}"
        + (" NULLS NOT DISTINCT" if found["nnd"] else "")
    )
    attach = alter_table(
        key,
        f"ADD CONSTRAINT {quote_ident(con.name)} {kind} USING INDEX {quote_ident(con.name)}"
        + found["deferral"],
    )
    target = CommentTarget(CommentKind.CONSTRAINT, key.schema, con.name, key.name)
    return (
        Piece(
            description=f"Build the unique index of constraint {con.name} (concurrently)",
            sql=(create,),
            # IF EXISTS: once the constraint's rollback has run, the index went with it.
            rollback=(concurrent_drop(index, if_exists=True),),
            transactional=False,
            lock=SHARE_UPDATE_EXCLUSIVE,
            scans=True,
        ),
        Piece(
            description=f"{description} (using the index built concurrently)",
            sql=(attach, *comments_if_set(target, con.comment)),
            rollback=(drop_constraint(key, con.name),),
            transactional=True,
            lock=ACCESS_EXCLUSIVE,
        ),
    )
