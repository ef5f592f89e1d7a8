"""Diff of functions and procedures, triggers and domains.

A function is identified by schema + name + identity argument types, so overloads are
separate objects and a change of argument types is a drop of one and a create of
another. With the same identity, ``CREATE OR REPLACE`` changes the body and attributes
(language, volatility, ``SET`` options, ...) but refuses another result type, other
argument names or defaults, or a switch between function and procedure: those are a
``RecreateFunction`` (drop + create), and the triggers on a dropped or recreated
function are dropped before and created after it (the views, in ``diff/views.py``).
Bodies are compared as the server stores them (``pg_get_functiondef``).

A trigger is replaced by drop + create (``CREATE OR REPLACE TRIGGER`` needs PostgreSQL
14); so is every trigger on a view that is dropped and created again.
"""

from __future__ import annotations

from dataclasses import replace

from alembic_lockplane.diff.changes import Change
from alembic_lockplane.diff.changes_objects import (
    AlterDomain,
    CommentObject,
    CreateDomain,
    CreateFunction,
    CreateTrigger,
    DropDomain,
    DropFunction,
    DropTrigger,
    RecreateFunction,
    ReplaceFunction,
)
from alembic_lockplane.errors import PlanError
from alembic_lockplane.model.objects import Domain, Function, Schema
from alembic_lockplane.render.quote import qualified

Key = tuple[str, str, str]


def _needs_recreate(old: Function, new: Function) -> bool:
    return (old.procedure, old.result, old.argument_list) != (
        new.procedure,
        new.result,
        new.argument_list,
    )


def gone_functions(current: Schema, desired: Schema) -> frozenset[tuple[str, str]]:
    """``(schema, signature)`` of functions the plan drops, or drops and creates again."""
    after = {f.key: f for f in desired.functions}
    out = set()
    for fn in current.functions:
        new = after.get(fn.key)
        if new is None or _needs_recreate(fn, new):
            out.add((fn.schema, fn.signature))
    return frozenset(out)


def diff_functions(
    current: Schema, desired: Schema, reread: frozenset[tuple[str, str]] = frozenset()
) -> list[Change]:
    """``reread``: ``(schema, signature)`` of functions that read something the plan drops
    or retypes (see ``views.functions_reading_rebuilt``): dropped with the views and
    created again with them, in separate steps."""
    before = {f.key: f for f in current.functions}
    after = {f.key: f for f in desired.functions}
    changes: list[Change] = []
    for key in sorted(before.keys() | after.keys()):
        old, new = before.get(key), after.get(key)
        if old is not None and new is not None and (old.schema, old.signature) in reread:
            changes += [DropFunction(old), CreateFunction(new)]
            continue
        if old == new:
            continue
        if old is None:
            assert new is not None
            changes.append(CreateFunction(new))
            continue
        if new is None:
            changes.append(DropFunction(old))
            continue
        body = replace(new, comment=old.comment)
        if _needs_recreate(old, new):
            changes.append(RecreateFunction(old, body))
        elif body != old:
            changes.append(ReplaceFunction(old, body))
        if old.comment != new.comment:
            changes.append(CommentObject(replace(new, comment=None), old.comment, new.comment))
    return changes


def diff_triggers(
    current: Schema,
    desired: Schema,
    rebuilt_views: set[Key],
    gone: frozenset[tuple[str, str]],
) -> list[Change]:
    before = {t.key: t for t in current.triggers}
    after = {t.key: t for t in desired.triggers}
    changes: list[Change] = []
    for key in sorted(before.keys() | after.keys()):
        old, new = before.get(key), after.get(key)
        forced = old is not None and (
            ("view", old.schema, old.table) in rebuilt_views
            or (old.function is not None and (old.function.schema, old.function.name) in gone)
        )
        if old == new and not forced:
            continue
        if old is not None and (
            forced or new is None or replace(old, comment=None) != replace(new, comment=None)
        ):
            # Dropped explicitly even when its view is dropped after it, so that the
            # rollback creates it again once the view is back.
            changes.append(DropTrigger(old))
            old = None
        if new is None:
            continue
        if old is None:
            changes.append(CreateTrigger(new))
        elif old.comment != new.comment:
            changes.append(CommentObject(replace(new, comment=None), old.comment, new.comment))
    return changes


def diff_domains(current: Schema, desired: Schema) -> list[Change]:
    before = {d.key: d for d in current.domains}
    after = {d.key: d for d in desired.domains}
    changes: list[Change] = []
    for key in sorted(before.keys() | after.keys()):
        old, new = before.get(key), after.get(key)
        if old == new:
            continue
        if old is None:
            assert new is not None
            changes.append(CreateDomain(new))
            continue
        if new is None:
            changes.append(DropDomain(old))
            continue
        changes += _alter_domain(old, new)
    return changes


def _alter_domain(old: Domain, new: Domain) -> list[Change]:
    if (old.base_type, old.collation) != (new.base_type, new.collation):
        raise PlanError(
            f"domain {qualified(old.schema, old.name)}: changing its base type or collation "
            "is not supported yet",
            hint="create a domain under a new name, move the columns to it, drop the old one",
        )
    changes: list[Change] = []
    state = replace(new, comment=old.comment)
    if state != old:
        changes.append(AlterDomain(old, state))
    if old.comment != new.comment:
        changes.append(CommentObject(replace(new, comment=None), old.comment, new.comment))
    return changes
