"""Phases and ranks of the view, function, trigger and domain changes (see ``order.py``).

* Triggers are dropped first of all, then views (dependents before what they read), so
  that nothing they need is gone when they go (with them the functions that read tables,
  ``BEGIN ATOMIC``); other functions are dropped late, after the tables whose defaults may
  call them; domains with the enums.
* Domains are created with the enums (after them: a domain may be over an enum), or
  after the functions when a check or default calls one of ours (dropped before them),
  functions that read no relation before the tables (a default or check may call them),
  views and the functions that read relations once every column exists, in dependency
  order; triggers once their function and table or view exist.

Ranks order objects inside a phase by the depth of their dependency chain among the
views and functions that the same kind of step touches (from ``depends_on``, i.e. from
``pg_depend``): created ones bottom-up, dropped ones top-down.
"""

from __future__ import annotations

import re

from alembic_lockplane.diff.changes_objects import (
    AlterDomain,
    CommentObject,
    CreateDomain,
    CreateFunction,
    CreateTrigger,
    CreateView,
    DropDomain,
    DropFunction,
    DropTrigger,
    DropView,
    RecreateFunction,
    ReplaceFunction,
    ReplaceView,
)
from alembic_lockplane.model.objects import Dependency, Domain, Function, View

ObjectChange = (
    CreateView
    | DropView
    | ReplaceView
    | CreateFunction
    | DropFunction
    | ReplaceFunction
    | RecreateFunction
    | CreateTrigger
    | DropTrigger
    | CreateDomain
    | DropDomain
    | AlterDomain
    | CommentObject
)
OBJECT_CHANGES: tuple[type, ...] = ObjectChange.__args__

Key = tuple[str, str, str]

# Phase numbers of order.py: 12 enums, 13 sequences, 17 constraints, 22 policies,
# 24 comments, 31 enum drops.
DROP_TRIGGER = -2
DROP_VIEW = -1
DOMAIN = 12
FUNCTION = 13
VIEW = 17
TRIGGER = 22
COMMENT = 24
DROP_FUNCTION = 29
DROP_DOMAIN = 31


def object_phase(change: ObjectChange) -> int:
    match change:
        case DropTrigger():
            return DROP_TRIGGER
        case DropView():
            return DROP_VIEW
        case CreateDomain(new=d) | AlterDomain(new=d):
            # One whose check or default calls a function of ours comes after the functions.
            return FUNCTION if _calls_user_function(d) else DOMAIN
        case CreateFunction(new=fn) | ReplaceFunction(new=fn) | RecreateFunction(new=fn):
            return VIEW if _reads_relations(fn) else FUNCTION
        case CreateView() | ReplaceView():
            return VIEW
        case CreateTrigger():
            return TRIGGER
        case CommentObject():
            return COMMENT
        case DropFunction(old=fn):
            # One that reads tables (BEGIN ATOMIC) goes with the views, before the tables.
            return DROP_VIEW if _reads_relations(fn) else DROP_FUNCTION
        case DropDomain(old=d):
            return DROP_FUNCTION if _calls_user_function(d) else DROP_DOMAIN


# A schema-qualified name followed by "(": PostgreSQL prints user functions qualified
# (introspection runs with an empty search_path) and built-in ones bare.
_USER_CALL = re.compile(r'(?:"(?:[^"]|"")+"|\w+)\.(?:"(?:[^"]|"")+"|\w+)\(')


def _calls_user_function(domain: Domain) -> bool:
    texts = [c.definition for c in domain.constraints] + [domain.default or ""]
    return any(_USER_CALL.search(_STRINGS.sub("''", t)) for t in texts)


_STRINGS = re.compile(r"'(?:[^']|'')*'")


def _reads_relations(fn: Function) -> bool:
    return bool(fn.depends_on)


def object_subject(change: ObjectChange) -> tuple[str, ...]:
    match change:
        case CreateView(new=v) | DropView(old=v) | ReplaceView(old=v):
            return (v.schema, v.name)
        case (
            CreateFunction(new=f)
            | DropFunction(old=f)
            | ReplaceFunction(old=f)
            | RecreateFunction(old=f)
        ):
            return (f.schema, f.signature)
        case CreateTrigger(new=t) | DropTrigger(old=t):
            return (t.schema, t.table, t.name)
        case CreateDomain(new=d) | DropDomain(old=d) | AlterDomain(old=d):
            return (d.schema, d.name)
        case CommentObject(obj=o):
            return (o.schema, o.name)


def _node(obj: View | Function) -> Key:
    return obj.key


def _dep_key(dep: Dependency) -> Key:
    return (
        ("view", dep.schema, dep.name)
        if dep.kind == "relation"
        else (
            "function",
            dep.schema,
            dep.name,
        )
    )


def _depths(objects: list[View | Function]) -> dict[Key, int]:
    by_key = {_node(o): o for o in objects}
    memo: dict[Key, int] = {}

    def walk(key: Key, seen: frozenset[Key]) -> int:
        if key in memo:
            return memo[key]
        obj = by_key.get(key)
        if obj is None or key in seen:
            return -1
        below = [walk(_dep_key(d), seen | {key}) for d in obj.depends_on]
        memo[key] = 1 + max([-1, *below])
        return memo[key]

    return {k: walk(k, frozenset()) for k in by_key}


def object_ranks(changes: list[object]) -> dict[object, int]:
    """The rank of each view/function change inside its phase."""
    created: list[View | Function] = []
    dropped: list[View | Function] = []
    for c in changes:
        match c:
            case CreateView(new=o) | ReplaceView(new=o):
                created.append(o)
            case CreateFunction(new=f) | ReplaceFunction(new=f) | RecreateFunction(new=f):
                created.append(f)
            case DropView(old=o):
                dropped.append(o)
            case DropFunction(old=f):
                dropped.append(f)
    up, down = _depths(created), _depths(dropped)
    ranks: dict[object, int] = {}
    for c in changes:
        match c:
            case CreateView(new=o) | ReplaceView(new=o):
                ranks[c] = up[o.key]
            case CreateFunction(new=f) | ReplaceFunction(new=f) | RecreateFunction(new=f):
                ranks[c] = up[f.key]
            case DropView(old=o):
                ranks[c] = -down[o.key]
            case DropFunction(old=f):
                ranks[c] = -down[f.key]
            case CreateDomain():
                ranks[c] = 1  # after the enums of the same phase
            case DropDomain():
                ranks[c] = -1  # before the enums of the same phase
    return ranks
