"""Model x model -> the ordered list of changes.

Objects are matched by kind + schema + name (renames are never guessed). Each object's
differences become changes here; ``order.py`` puts them in an order PostgreSQL accepts.
Both inputs are introspections of real servers, so equal text means equal meaning and
an unchanged schema gives no change at all.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import Any, TypeVar

from alembic_lockplane.diff.casts import needs_using
from alembic_lockplane.diff.changes import (
    AlterExtension,
    AlterSequence,
    Change,
    CommentKind,
    CommentTarget,
    CreateExtension,
    CreateIndex,
    CreateSchema,
    CreateSequence,
    DropExtension,
    DropIndex,
    DropSchema,
    DropSequence,
    SetComment,
    SetSequenceOwnedBy,
    TableKey,
    without_owner,
)
from alembic_lockplane.diff.collations import diff_collations
from alembic_lockplane.diff.dependents import domain_detours, function_uses
from alembic_lockplane.diff.enums import (
    columns_recast_by_recreate,
    defaults_cleared_by_recreate,
    diff_enum,
)
from alembic_lockplane.diff.functions import (
    diff_domains,
    diff_functions,
    diff_triggers,
    gone_functions,
)
from alembic_lockplane.diff.mentions import mentions
from alembic_lockplane.diff.order import order
from alembic_lockplane.diff.partitions import (
    inheritance_changes,
    rebuilt_tables,
    with_inherited,
    without_tables,
)
from alembic_lockplane.diff.storage import replica_identities_rebuilt
from alembic_lockplane.diff.tables import (
    create_table,
    diff_table,
    drop_table,
    regenerated_columns,
    retyped_columns,
)
from alembic_lockplane.diff.types import (
    diff_composite_types,
    diff_owners,
    diff_privileges,
    diff_range_types,
)
from alembic_lockplane.diff.views import diff_views, functions_reading_rebuilt, rebuilt_views
from alembic_lockplane.model.objects import (
    ConstraintKind,
    Extension,
    Index,
    Namespace,
    Schema,
    Sequence,
    Table,
)
from alembic_lockplane.render.quote import quote_ident

T = TypeVar("T")


def diff(current: Schema, desired: Schema) -> list[Change]:
    """Every change from ``current`` to ``desired``, dependency-ordered and deterministic.

    Tables that must be rebuilt (``diff/partitions.py``) are planned in two halves, through
    a middle schema that does not have them."""
    rebuilt = rebuilt_tables(current, desired)
    if rebuilt:
        middle = without_tables(current, rebuilt)
        return order(_changes(current, middle) + _changes(middle, desired))
    return order(_changes(current, desired))


def _changes(current: Schema, desired: Schema) -> list[Change]:
    forced = _dependent_foreign_keys(current, desired)
    replaced = _replaced_columns(current, desired)
    recast = columns_recast_by_recreate(current, desired)
    retyped = _retyped(current, desired) | recast
    _add_checks_reading(forced, current, recast)
    cleared = defaults_cleared_by_recreate(current, desired)
    gone = gone_functions(current, desired)
    uses = function_uses(current, gone)
    for key, names in uses.constraints.items():
        forced.setdefault(key, set()).update(names)
    replaced |= uses.generated
    unstable = _unstable_names(current, desired, retyped | replaced)

    def table(old: Table | None, new: Table | None) -> list[Change]:
        if old is None:
            assert new is not None
            return create_table(new)
        if new is None:
            return drop_table(old)
        key = TableKey(old.schema, old.name)
        if inheritance_changes(old, new):
            old, new = with_inherited(old, current), with_inherited(new, desired)
        return diff_table(
            old,
            new,
            frozenset(forced.get(key, ())),
            frozenset(c for (s, t, c) in cleared if (s, t) == key),
            unstable,
            reset_defaults=frozenset(uses.defaults.get(key, ())),
            forced_policies=frozenset(uses.policies.get(key, ())),
            regenerated=frozenset(c for (s, t, c) in uses.generated if (s, t) == key),
        )

    def index(old: Index | None, new: Index | None) -> list[Change]:
        if old is not None and new is not None and uses.index(old):
            return [DropIndex(old), CreateIndex(new)]
        return _index(old, new, replaced, retyped)

    changes: list[Change] = []
    changes += _pairs(current.namespaces, desired.namespaces, _namespace)
    changes += _pairs(current.extensions, desired.extensions, _extension)
    changes += _pairs(current.enums, desired.enums, lambda a, b: diff_enum(a, b, current, desired))
    changes += _pairs(current.sequences, desired.sequences, _sequence)
    changes += _pairs(
        current.tables, desired.tables, table, always=bool(forced) or bool(uses) or bool(unstable)
    )
    changes += _pairs(
        current.indexes,
        desired.indexes,
        index,
        always=bool(replaced) or bool(uses.calls) or bool(retyped),
    )
    rebuilt = rebuilt_views(current, desired, gone)
    reread: frozenset[tuple[str, str]] = frozenset()
    while more := functions_reading_rebuilt(current, desired, rebuilt, gone) - reread:
        reread |= more
        gone |= more
        rebuilt = rebuilt_views(current, desired, gone)
    detours, via = domain_detours(current, uses)
    changes += detours
    changes += diff_domains(via, desired)
    changes += diff_functions(current, desired, reread)
    changes += diff_views(current, desired, rebuilt)
    changes += diff_triggers(current, desired, rebuilt, gone)
    changes += diff_composite_types(current, desired)
    changes += diff_range_types(current, desired)
    changes += diff_privileges(current, desired, changes) + diff_owners(current, desired, changes)
    changes += replica_identities_rebuilt(current, desired, changes)
    changes += diff_collations(current, desired)
    return changes


def _pairs(
    old: Iterable[T],
    new: Iterable[T],
    fn: Callable[[T | None, T | None], list[Change]],
    *,
    always: bool = False,
) -> list[Change]:
    """Match objects by key (both tuples are sorted by key) and diff each pair."""
    before = {_key(o): o for o in old}
    after = {_key(o): o for o in new}
    out: list[Change] = []
    for key in sorted(before.keys() | after.keys()):
        a, b = before.get(key), after.get(key)
        if a != b or always:
            out += fn(a, b)
    return out


def _key(obj: Any) -> tuple[str, ...]:
    key: tuple[str, ...] = obj.key
    return key


def _comment(
    kind: CommentKind, schema: str, name: str, old: str | None, new: str | None
) -> list[Change]:
    if old == new:
        return []
    return [SetComment(CommentTarget(kind, schema, name), old, new)]


def _namespace(old: Namespace | None, new: Namespace | None) -> list[Change]:
    if old is None:
        assert new is not None
        return [CreateSchema(new)]
    if new is None:
        return [DropSchema(old)]
    return _comment(CommentKind.SCHEMA, old.name, old.name, old.comment, new.comment)


def _extension(old: Extension | None, new: Extension | None) -> list[Change]:
    if old is None:
        assert new is not None
        return [CreateExtension(new)]
    if new is None:
        return [DropExtension(old)]
    changes: list[Change] = []
    state = replace(new, comment=old.comment)
    if state != old:
        changes.append(AlterExtension(old, state))
    return changes + _comment(CommentKind.EXTENSION, "", old.name, old.comment, new.comment)


def _sequence(old: Sequence | None, new: Sequence | None) -> list[Change]:
    if old is None:
        assert new is not None
        changes: list[Change] = [CreateSequence(without_owner(new))]
        if new.owned_by is not None:
            changes.append(SetSequenceOwnedBy(without_owner(new), new))
        return changes
    if new is None:
        changes = []
        if old.owned_by is not None:
            changes.append(SetSequenceOwnedBy(old, without_owner(old)))
        return [*changes, DropSequence(without_owner(old))]
    changes = []
    state = old
    if state.owned_by is not None and state.owned_by != new.owned_by:
        state = without_owner(old)
        changes.append(SetSequenceOwnedBy(old, state))
    options = replace(new, owned_by=state.owned_by, comment=state.comment)
    if options != state:
        changes.append(AlterSequence(state, options))
        state = options
    if state.owned_by != new.owned_by:
        after = replace(state, owned_by=new.owned_by)
        changes.append(SetSequenceOwnedBy(state, after))
    return changes + _comment(CommentKind.SEQUENCE, old.schema, old.name, old.comment, new.comment)


def _dependent_foreign_keys(current: Schema, desired: Schema) -> dict[TableKey, set[str]]:
    """Foreign keys that must be dropped and re-added because the key they reference
    (a primary key, unique constraint or unique index, matched by its set of columns) is
    dropped and re-added under them, or because a column on either side changes type
    family (``_recast_columns``)."""
    rebuilt: set[tuple[str, str, tuple[str, ...]]] = set()
    for table in current.tables:
        target = desired.table(table.schema, table.name)
        for con in table.constraints:
            if con.kind not in (ConstraintKind.PRIMARY_KEY, ConstraintKind.UNIQUE):
                continue
            after = target.constraint(con.name) if target else None
            if after is None or (
                after != con
                and replace(after, comment=None, validated=True)
                != replace(con, comment=None, validated=True)
            ):
                rebuilt.add((table.schema, table.name, tuple(map(quote_ident, con.columns))))
    kept = {i.key: i for i in desired.indexes}
    for index in current.indexes:
        later = kept.get(index.key)
        if index.unique and (
            later is None
            or (later != index and replace(later, comment=None) != replace(index, comment=None))
        ):
            # A foreign key may rest on a standalone unique index too.
            rebuilt.add((index.schema, index.table, tuple(k.expression for k in index.keys)))
    targets = {(s, t, frozenset(cols)) for s, t, cols in rebuilt}
    recast = _recast_columns(current, desired)
    forced: dict[TableKey, set[str]] = {}
    for table in current.tables:
        for con in table.constraints:
            ref = con.references
            if ref is None:
                continue
            if (
                (ref.schema, ref.table, frozenset(map(quote_ident, ref.columns))) in targets
                or any((table.schema, table.name, c) in recast for c in con.columns)
                or any((ref.schema, ref.table, c) in recast for c in ref.columns)
            ):
                forced.setdefault(TableKey(table.schema, table.name), set()).add(con.name)
    return forced


def _add_checks_reading(
    forced: dict[TableKey, set[str]], current: Schema, recast: set[tuple[str, str, str]]
) -> None:
    """Add to ``forced`` the CHECK constraints that may read a column an enum recreate casts
    over (see ``columns_recast_by_recreate``)."""
    for table in current.tables:
        names = [c for (s, t, c) in recast if (s, t) == (table.schema, table.name)]
        for con in table.constraints:
            if con.kind is ConstraintKind.CHECK and any(mentions(con.definition, n) for n in names):
                forced.setdefault(TableKey(table.schema, table.name), set()).add(con.name)


def _recast_columns(current: Schema, desired: Schema) -> set[tuple[str, str, str]]:
    """Columns whose type changes to another family (a ``USING`` cast): a foreign key on
    either side may not hold between the old type and the new one, so it is dropped
    before and added again after (``integer`` -> ``bigint`` keeps it)."""
    out: set[tuple[str, str, str]] = set()
    for table in current.tables:
        target = desired.table(table.schema, table.name)
        for column in table.columns:
            kept = target.column(column.name) if target else None
            if kept is not None and needs_using(column.type, kept.type):
                out.add((table.schema, table.name, column.name))
    return out


def _replaced_columns(current: Schema, desired: Schema) -> set[tuple[str, str, str]]:
    """Columns dropped and added again (generation changed, or generated from a column
    whose type changes): what uses them goes too."""
    out: set[tuple[str, str, str]] = set()
    for table in current.tables:
        target = desired.table(table.schema, table.name)
        if target is None:
            continue
        again = regenerated_columns(table, target)
        for column in table.columns:
            kept = target.column(column.name)
            if kept is not None and (kept.generated != column.generated or column.name in again):
                out.add((table.schema, table.name, column.name))
    return out


def _unstable_names(
    current: Schema, desired: Schema, changed: set[tuple[str, str, str]]
) -> frozenset[str]:
    """Names a policy's expression must not hold on to while the plan runs: columns that
    change type or are dropped or replaced, and tables that are dropped (a policy may read
    another table in a subquery, and blocks its change until it is dropped)."""
    names = {c for (_, _, c) in changed}
    for table in current.tables:
        target = desired.table(table.schema, table.name)
        if target is None:
            names.add(table.name)
        else:
            names |= {c.name for c in table.columns if target.column(c.name) is None}
    return frozenset(names)


def _retyped(current: Schema, desired: Schema) -> set[tuple[str, str, str]]:
    """Columns kept with another type."""
    out: set[tuple[str, str, str]] = set()
    for table in current.tables:
        target = desired.table(table.schema, table.name)
        if target is not None:
            out |= {(table.schema, table.name, c) for c in retyped_columns(table, target)}
    return out


def _mentions(index: Index, replaced: set[tuple[str, str, str]]) -> bool:
    """Whether the index reads a replaced column (by name in its definition: errs toward
    rebuilding an index that did not need it, never toward losing one)."""
    names = [c for (s, t, c) in replaced if (s, t) == (index.schema, index.table)]
    return any(quote_ident(c) in index.definition for c in names)


def _reads_retyped(index: Index, retyped: set[tuple[str, str, str]]) -> bool:
    """Whether an expression or the predicate of the index may read a retyped column.
    PostgreSQL rebuilds such an index from its old text, whose casts then print otherwise
    than the desired index's: it is dropped and created from the desired definition.
    (A plain column key needs nothing: the rebuild prints the same.)"""
    names = [c for (s, t, c) in retyped if (s, t) == (index.schema, index.table)]
    texts = [k.expression for k in index.keys if k.expression not in map(quote_ident, names)]
    texts.append(index.predicate or "")
    return any(mentions(text, c) for text in texts for c in names)


def _index(
    old: Index | None,
    new: Index | None,
    replaced: set[tuple[str, str, str]],
    retyped: set[tuple[str, str, str]],
) -> list[Change]:
    if old is None:
        assert new is not None
        return [CreateIndex(new)]
    if new is None:
        return [DropIndex(old)]
    if (
        replace(old, comment=None) != replace(new, comment=None)
        or _mentions(old, replaced)
        or _reads_retyped(old, retyped)
    ):
        return [DropIndex(old), CreateIndex(new)]
    return _comment(CommentKind.INDEX, old.schema, old.name, old.comment, new.comment)
