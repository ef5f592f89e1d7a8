"""Catalog rows -> model objects.

Each function takes the rows of one query (column order as in its ``.sql`` file) and
returns model objects. The catalog's one-letter codes become the words the model uses.
Text that PostgreSQL rendered (types, expressions, definitions) is kept exactly, except
that expressions are put in the form PostgreSQL prints back unchanged (``canonical.py``)
and the trailing `` NOT VALID`` of a constraint is dropped, recorded as ``validated``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from alembic_lockplane.introspect.canonical import canonical, canonical_or_none
from alembic_lockplane.model.objects import (
    Column,
    Constraint,
    ConstraintKind,
    EnumType,
    Extension,
    ForeignKeyTarget,
    Identity,
    Index,
    IndexKey,
    Namespace,
    OwnedBy,
    PartitionOf,
    Policy,
    Sequence,
    Table,
    TableRef,
)

Row = tuple[Any, ...]

CONSTRAINT_KINDS = {
    "p": ConstraintKind.PRIMARY_KEY,
    "u": ConstraintKind.UNIQUE,
    "c": ConstraintKind.CHECK,
    "f": ConstraintKind.FOREIGN_KEY,
    "x": ConstraintKind.EXCLUSION,
}
FK_ACTIONS = {
    "a": "NO ACTION",
    "r": "RESTRICT",
    "c": "CASCADE",
    "n": "SET NULL",
    "d": "SET DEFAULT",
}
FK_MATCH = {"s": "SIMPLE", "f": "FULL", "p": "PARTIAL"}
STORAGE = {"p": "plain", "e": "external", "x": "extended", "m": "main"}
COMPRESSION = {"p": "pglz", "l": "lz4"}
POLICY_COMMANDS = {"*": "ALL", "r": "SELECT", "a": "INSERT", "w": "UPDATE", "d": "DELETE"}
NOT_VALID = " NOT VALID"


def namespaces(rows: Iterable[Row]) -> list[Namespace]:
    return [Namespace(name=name, comment=comment) for name, comment in rows]


def extensions(rows: Iterable[Row]) -> list[Extension]:
    return [
        Extension(name=name, schema=schema, version=version, comment=comment)
        for name, schema, version, comment in rows
    ]


def enums(rows: Iterable[Row]) -> list[EnumType]:
    return [
        EnumType(schema=schema, name=name, values=tuple(labels), comment=comment)
        for schema, name, labels, comment in rows
    ]


def sequences(rows: Iterable[Row]) -> list[Sequence]:
    result = []
    for (
        schema, name, data_type, start, increment, min_value, max_value, cache, cycle,
        own_schema, own_table, own_column, comment,
    ) in rows:  # fmt: skip
        owned_by = (
            OwnedBy(schema=own_schema, table=own_table, column=own_column)
            if own_table is not None
            else None
        )
        result.append(
            Sequence(
                schema=schema,
                name=name,
                data_type=data_type,
                start=start,
                increment=increment,
                min_value=min_value,
                max_value=max_value,
                cache=cache,
                cycle=cycle,
                owned_by=owned_by,
                comment=comment,
            )
        )
    return result


def columns_by_table(rows: Iterable[Row]) -> dict[int, list[Column]]:
    """Columns grouped by table oid, in attnum order (the query's order)."""
    grouped: dict[int, list[Column]] = defaultdict(list)
    for (
        table_oid, name, type_, not_null, generated_kind, expression, identity_kind,
        seq_start, seq_increment, seq_min, seq_max, seq_cache, seq_cycle, collation, comment,
        storage, compression, statistics,
    ) in rows:  # fmt: skip
        identity = None
        if identity_kind:
            identity = Identity(
                always=identity_kind == "a",
                start=seq_start,
                increment=seq_increment,
                min_value=seq_min,
                max_value=seq_max,
                cache=seq_cache,
                cycle=seq_cycle,
            )
        expression = canonical_or_none(expression)
        generated = expression if generated_kind else None
        grouped[table_oid].append(
            Column(
                name=name,
                type=type_,
                not_null=not_null,
                default=None if generated_kind else expression,
                identity=identity,
                generated=generated,
                collation=collation,
                comment=comment,
                storage=STORAGE.get(storage) if storage else None,
                compression=COMPRESSION.get(compression, compression) if compression else None,
                statistics=statistics,
            )
        )
    return grouped


def constraints_by_table(rows: Iterable[Row]) -> dict[int, list[Constraint]]:
    grouped: dict[int, list[Constraint]] = defaultdict(list)
    for (
        table_oid, name, contype, definition, columns, ref_schema, ref_table, ref_columns,
        on_update, on_delete, match, deferrable, deferred, comment,
    ) in rows:  # fmt: skip
        validated = not definition.endswith(NOT_VALID)
        if not validated:
            definition = definition[: -len(NOT_VALID)]
        definition = canonical(definition)
        references = None
        if contype == "f":
            references = ForeignKeyTarget(
                schema=ref_schema,
                table=ref_table,
                columns=tuple(ref_columns),
                on_update=FK_ACTIONS[on_update],
                on_delete=FK_ACTIONS[on_delete],
                match=FK_MATCH[match],
            )
        grouped[table_oid].append(
            Constraint(
                name=name,
                kind=CONSTRAINT_KINDS[contype],
                definition=definition,
                columns=tuple(columns),
                references=references,
                deferrable=deferrable,
                initially_deferred=deferred,
                validated=validated,
                comment=comment,
            )
        )
    return grouped


def policies_by_table(rows: Iterable[Row]) -> dict[int, list[Policy]]:
    grouped: dict[int, list[Policy]] = defaultdict(list)
    for table_oid, name, permissive, command, roles, using, with_check, comment in rows:
        grouped[table_oid].append(
            Policy(
                name=name,
                permissive=permissive,
                command=POLICY_COMMANDS[command],
                roles=tuple(roles),
                using=canonical_or_none(using),
                with_check=canonical_or_none(with_check),
                comment=comment,
            )
        )
    return grouped


def tables(
    rows: Iterable[Row],
    columns: dict[int, list[Column]],
    constraints: dict[int, list[Constraint]],
    policies: dict[int, list[Policy]],
) -> list[Table]:
    result = []
    for (
        oid, schema, name, rls_enabled, rls_forced, comment, partition_by, is_partition,
        bound, parent_schemas, parent_names, unlogged, options, toast_options, replident,
        replident_index,
    ) in rows:  # fmt: skip
        parents = tuple(
            TableRef(s, n) for s, n in zip(parent_schemas or (), parent_names or (), strict=True)
        )
        identity = _replica_identity(replident, replident_index)
        partition_of = None
        if is_partition and parents:
            partition_of = PartitionOf(parents[0].schema, parents[0].name, bound)
            parents = ()
        result.append(
            Table(
                schema=schema,
                name=name,
                columns=tuple(columns.get(oid, ())),
                constraints=tuple(constraints.get(oid, ())),
                policies=tuple(policies.get(oid, ())),
                rls_enabled=rls_enabled,
                rls_forced=rls_forced,
                comment=comment,
                partition_by=partition_by,
                partition_of=partition_of,
                inherits=parents,
                unlogged=unlogged,
                options=tuple(storage_option(o) for o in options or ()),
                toast_options=tuple(storage_option(o) for o in toast_options or ()),
                replica_identity=identity[0],
                replica_identity_index=identity[1],
            )
        )
    return result


# Storage parameters whose value is a boolean (vacuum_index_cleanup also takes AUTO).
_BOOLEAN_OPTIONS = frozenset(
    {"autovacuum_enabled", "user_catalog_table", "vacuum_truncate", "vacuum_index_cleanup"}
)
_TRUE = frozenset({"t", "tr", "tru", "true", "y", "ye", "yes", "on", "1"})
_FALSE = frozenset({"f", "fa", "fal", "fals", "false", "n", "no", "of", "off", "0"})


def storage_option(text: str) -> str:
    """A reloption as ``key=value`` with a boolean written ``true`` / ``false``: PostgreSQL
    stores the spelling it was given (``off``, ``no``, ``0``), which means the same."""
    key, sep, value = text.partition("=")
    if key in _BOOLEAN_OPTIONS and sep:
        word = value.lower()
        if word in _TRUE:
            return f"{key}=true"
        if word in _FALSE:
            return f"{key}=false"
    return text


def _replica_identity(code: str, index: str | None) -> tuple[str | None, str | None]:
    """``relreplident`` as the model's two fields. An ``i`` whose index was dropped logs no
    key, as ``NOTHING`` does, and is reported as such."""
    if code == "f":
        return "FULL", None
    if code == "n" or (code == "i" and index is None):
        return "NOTHING", None
    if code == "i":
        return "INDEX", index
    return None, None


def indexes(rows: Iterable[Row]) -> list[Index]:
    result = []
    for (
        schema, name, table, definition, unique, method, exprs, opclasses, collations,
        descending, nulls_first, include, predicate, nulls_not_distinct, comment,
    ) in rows:  # fmt: skip
        keys = tuple(
            IndexKey(expression=canonical(e), opclass=o, collation=c, descending=d, nulls_first=n)
            for e, o, c, d, n in zip(
                exprs, opclasses, collations, descending, nulls_first, strict=True
            )
        )
        result.append(
            Index(
                schema=schema,
                name=name,
                table=table,
                definition=canonical(definition),
                unique=unique,
                method=method,
                keys=keys,
                include=tuple(include),
                predicate=canonical_or_none(predicate),
                nulls_not_distinct=nulls_not_distinct,
                comment=comment,
            )
        )
    return result
