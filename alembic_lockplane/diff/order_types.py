"""Phases and ranks of composite type, range type and privilege changes (see ``order.py``).

* Types are created and altered with the enums and domains (phase 12, before the
  sequences, functions and tables that may use them), in the rank order enums, domains,
  range types, then composite types, a composite type after the composite types its
  attributes use. They are dropped with the enums (phase 31), in the opposite order, once
  the columns and tables using them are gone.
* Privileges are taken back before anything is dropped (so the rollback of a drop grants
  them again once the object is back) and granted after everything is created. An owner
  is set after the grants, and given back to the role running the plan before the
  revokes, so that this role owns the object whenever it grants or revokes.
"""

from __future__ import annotations

from alembic_lockplane.diff.changes_types import (
    AddPrivilege,
    AlterCompositeType,
    CommentType,
    CreateCompositeType,
    CreateRangeType,
    DropCompositeType,
    DropRangeType,
    RecreateCompositeType,
    RecreateRangeType,
    RemovePrivilege,
    SetOwner,
    TypeChange,
)
from alembic_lockplane.model.types import CompositeType
from alembic_lockplane.render.quote import qualified

# Phase numbers of order.py: 12 enums (domains at rank 1), 24 comments, 31 enum drops
# (domains at rank -1); triggers are dropped from -2.
TYPE = 12
COMMENT = 24
GRANT = 25
DROP_TYPE = 31
REVOKE = -3

RANGE_RANK = 2
COMPOSITE_RANK = 3


def type_phase(change: TypeChange) -> int:
    match change:
        case (
            CreateCompositeType()
            | AlterCompositeType()
            | RecreateCompositeType()
            | CreateRangeType()
            | RecreateRangeType()
        ):
            return TYPE
        case CommentType():
            return COMMENT
        case DropCompositeType() | DropRangeType():
            return DROP_TYPE
        case AddPrivilege():
            return GRANT
        case RemovePrivilege():
            return REVOKE
        case SetOwner(new=new):
            # to another role: with the grants, after them; back to the role running the
            # plan (before a drop): with the revokes, before them
            return GRANT if new is not None else REVOKE


def type_subject(change: TypeChange) -> tuple[str, ...]:
    match change:
        case (
            CreateCompositeType(new=t)
            | DropCompositeType(old=t)
            | AlterCompositeType(old=t)
            | RecreateCompositeType(old=t)
            | CreateRangeType(new=t)
            | DropRangeType(old=t)
            | RecreateRangeType(old=t)
            | CommentType(obj=t)
        ):
            return (t.schema, t.name)
        case AddPrivilege(new=p) | RemovePrivilege(old=p):
            return p.key
        case SetOwner():
            return change.obj.key


def _depths(types: list[CompositeType]) -> dict[tuple[str, str, str], int]:
    """How deep each composite type sits in the chain of composite types its attributes
    use (by the attribute's type text, which ``format_type`` prints qualified)."""
    by_name = {qualified(t.schema, t.name): t for t in types}
    memo: dict[tuple[str, str, str], int] = {}

    def walk(t: CompositeType, seen: frozenset[str]) -> int:
        if t.key in memo:
            return memo[t.key]
        below = [
            walk(by_name[name], seen | {name})
            for a in t.attributes
            if (name := a.type.split("[", 1)[0]) in by_name and name not in seen
        ]
        memo[t.key] = 1 + max([-1, *below])
        return memo[t.key]

    return {t.key: walk(t, frozenset({qualified(t.schema, t.name)})) for t in types}


def type_ranks(changes: list[object]) -> dict[object, int]:
    created: list[CompositeType] = []
    dropped: list[CompositeType] = []
    for c in changes:
        match c:
            case (
                CreateCompositeType(new=t)
                | AlterCompositeType(new=t)
                | RecreateCompositeType(new=t)
            ):
                created.append(t)
            case DropCompositeType(old=t):
                dropped.append(t)
    up, down = _depths(created), _depths(dropped)
    ranks: dict[object, int] = {}
    for c in changes:
        match c:
            case (
                CreateCompositeType(new=t)
                | AlterCompositeType(new=t)
                | RecreateCompositeType(new=t)
            ):
                ranks[c] = COMPOSITE_RANK + up[t.key]
            case DropCompositeType(old=t):
                ranks[c] = -COMPOSITE_RANK - down[t.key]
            case CreateRangeType() | RecreateRangeType():
                ranks[c] = RANGE_RANK
            case DropRangeType():
                ranks[c] = -RANGE_RANK
            case SetOwner(new=new):
                ranks[c] = 1 if new is not None else -1
    return ranks
