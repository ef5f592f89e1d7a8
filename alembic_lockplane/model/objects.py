"""The schema model: plain, immutable data shared by every stage.

Both sides of a diff are built by introspecting a real PostgreSQL database, so every
text field (types, defaults, expressions, definitions) holds the server's own rendering
with ``search_path`` empty: names of user objects are always schema-qualified.
Objects are identified by kind + schema + name; ``origin`` (where a desired object was
declared) is carried for messages and never takes part in equality.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from typing import Any


@dataclass(frozen=True)
class Origin:
    """A position in a desired-schema file (1-based line and column)."""

    file: str
    line: int
    column: int = 1

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


def origin_field() -> Any:
    """A field for ``origin``: kept for messages, ignored by ``==`` and ``hash``."""
    return field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Namespace:
    """A PostgreSQL schema (``pg_namespace``)."""

    name: str
    comment: str | None = None
    origin: Origin | None = origin_field()

    @property
    def key(self) -> tuple[str, str, str]:
        return ("schema", self.name, self.name)


@dataclass(frozen=True)
class Extension:
    name: str
    schema: str
    version: str | None = None
    comment: str | None = None
    origin: Origin | None = origin_field()

    @property
    def key(self) -> tuple[str, str, str]:
        return ("extension", "", self.name)


@dataclass(frozen=True)
class EnumType:
    schema: str
    name: str
    values: tuple[str, ...]
    comment: str | None = None
    origin: Origin | None = origin_field()

    @property
    def key(self) -> tuple[str, str, str]:
        return ("type", self.schema, self.name)


@dataclass(frozen=True)
class OwnedBy:
    """``OWNED BY schema.table.column`` of a sequence."""

    schema: str
    table: str
    column: str


@dataclass(frozen=True)
class Sequence:
    schema: str
    name: str
    data_type: str = "bigint"
    start: int = 1
    increment: int = 1
    min_value: int = 1
    max_value: int = 9223372036854775807
    cache: int = 1
    cycle: bool = False
    owned_by: OwnedBy | None = None
    comment: str | None = None
    origin: Origin | None = origin_field()

    @property
    def key(self) -> tuple[str, str, str]:
        return ("sequence", self.schema, self.name)


@dataclass(frozen=True)
class Identity:
    """Identity column options; the implicit sequence belongs to the column."""

    always: bool
    start: int = 1
    increment: int = 1
    min_value: int = 1
    max_value: int = 9223372036854775807
    cache: int = 1
    cycle: bool = False


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    not_null: bool = False
    default: str | None = None
    identity: Identity | None = None
    generated: str | None = None
    collation: str | None = None
    comment: str | None = None
    origin: Origin | None = origin_field()
    # Storage settings (docs/objects.md); left out of snapshots and hashes while unset.
    # ``storage`` is set only when it differs from the type's default (``plain``,
    # ``external``, ``extended``, ``main``); ``compression`` is ``pglz`` / ``lz4`` when set
    # on the column; ``statistics`` is the ``SET STATISTICS`` target when set.
    storage: str | None = field(default=None, metadata={"omit_empty": True})
    compression: str | None = field(default=None, metadata={"omit_empty": True})
    statistics: int | None = field(default=None, metadata={"omit_empty": "none"})


class ConstraintKind(StrEnum):
    PRIMARY_KEY = "primary_key"
    UNIQUE = "unique"
    CHECK = "check"
    FOREIGN_KEY = "foreign_key"
    EXCLUSION = "exclusion"


@dataclass(frozen=True)
class ForeignKeyTarget:
    schema: str
    table: str
    columns: tuple[str, ...]
    on_update: str = "NO ACTION"
    on_delete: str = "NO ACTION"
    match: str = "SIMPLE"


@dataclass(frozen=True)
class Constraint:
    """A table constraint. ``definition`` is ``pg_get_constraintdef`` without ``NOT VALID``.

    The definition is what is compared and rendered; the structured fields beside it are
    derived from the catalog for ordering and safety rules. A constraint added
    ``NOT VALID`` and not yet validated has ``validated=False``.
    """

    name: str
    kind: ConstraintKind
    definition: str
    columns: tuple[str, ...] = ()
    references: ForeignKeyTarget | None = None
    deferrable: bool = False
    initially_deferred: bool = False
    validated: bool = True
    comment: str | None = None
    origin: Origin | None = origin_field()


@dataclass(frozen=True)
class Policy:
    name: str
    permissive: bool = True
    command: str = "ALL"
    roles: tuple[str, ...] = ("public",)
    using: str | None = None
    with_check: str | None = None
    comment: str | None = None
    origin: Origin | None = origin_field()


@dataclass(frozen=True)
class TableRef:
    """A table named by schema and name (a parent in ``INHERITS`` or ``PARTITION OF``)."""

    schema: str
    name: str


@dataclass(frozen=True)
class PartitionOf:
    """``PARTITION OF parent FOR VALUES ...``: ``bound`` is ``pg_get_expr(relpartbound)``,
    e.g. ``FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')`` or ``DEFAULT``."""

    schema: str
    table: str
    bound: str

    @property
    def parent(self) -> TableRef:
        return TableRef(self.schema, self.table)


@dataclass(frozen=True)
class Table:
    """A table. Columns and constraints a table inherits from a parent (``INHERITS`` or
    ``PARTITION OF``) belong to the parent and are not listed here: only its own ones.

    ``partition_by`` is ``pg_get_partkeydef`` (``RANGE (created_at)``) for a partitioned
    table; ``partition_of`` is set for a partition; ``inherits`` lists ``INHERITS`` parents
    in order.
    """

    schema: str
    name: str
    columns: tuple[Column, ...] = ()
    constraints: tuple[Constraint, ...] = ()
    policies: tuple[Policy, ...] = ()
    rls_enabled: bool = False
    rls_forced: bool = False
    comment: str | None = None
    origin: Origin | None = origin_field()
    # Added with partitioning; left out of snapshots and hashes while empty.
    partition_by: str | None = field(default=None, metadata={"omit_empty": True})
    partition_of: PartitionOf | None = field(default=None, metadata={"omit_empty": True})
    inherits: tuple[TableRef, ...] = field(default=(), metadata={"omit_empty": True})
    # Storage settings (docs/objects.md); left out of snapshots and hashes while unset.
    # ``options`` / ``toast_options`` are the table's and its TOAST table's reloptions as
    # sorted ``key=value`` texts; ``replica_identity`` is ``FULL``, ``NOTHING`` or ``INDEX``
    # (then ``replica_identity_index`` names the index), ``None`` for ``DEFAULT``.
    unlogged: bool = field(default=False, metadata={"omit_empty": True})
    options: tuple[str, ...] = field(default=(), metadata={"omit_empty": True})
    toast_options: tuple[str, ...] = field(default=(), metadata={"omit_empty": True})
    replica_identity: str | None = field(default=None, metadata={"omit_empty": True})
    replica_identity_index: str | None = field(default=None, metadata={"omit_empty": True})

    def __post_init__(self) -> None:
        # Columns keep their position; constraints and policies are named sets.
        object.__setattr__(self, "constraints", tuple(sorted(self.constraints, key=_by_name)))
        object.__setattr__(self, "policies", tuple(sorted(self.policies, key=_by_name)))
        object.__setattr__(self, "options", tuple(sorted(self.options)))
        object.__setattr__(self, "toast_options", tuple(sorted(self.toast_options)))

    @property
    def key(self) -> tuple[str, str, str]:
        return ("table", self.schema, self.name)

    @cached_property
    def columns_by_name(self) -> dict[str, Column]:
        return {c.name: c for c in self.columns}

    def column(self, name: str) -> Column | None:
        # Diffing asks for columns by name about a hundred times per table: a scan each time
        # was a tenth of a warm 1,000-table plan.
        return self.columns_by_name.get(name)

    def constraint(self, name: str) -> Constraint | None:
        return next((c for c in self.constraints if c.name == name), None)

    def policy(self, name: str) -> Policy | None:
        return next((p for p in self.policies if p.name == name), None)

    @property
    def parents(self) -> tuple[TableRef, ...]:
        """The tables this one inherits columns from (its partition parent, or INHERITS)."""
        if self.partition_of is not None:
            return (self.partition_of.parent,)
        return self.inherits


@dataclass(frozen=True)
class IndexKey:
    """One key of an index: a quoted column name or an expression, as the server prints it."""

    expression: str
    opclass: str | None = None
    collation: str | None = None
    descending: bool = False
    nulls_first: bool = False


@dataclass(frozen=True)
class Index:
    """A standalone index (indexes that back constraints belong to the constraint).

    ``definition`` is ``pg_get_indexdef``: compared and rendered as is.
    """

    schema: str
    name: str
    table: str
    definition: str
    unique: bool = False
    method: str = "btree"
    keys: tuple[IndexKey, ...] = ()
    include: tuple[str, ...] = ()
    predicate: str | None = None
    nulls_not_distinct: bool = False
    comment: str | None = None
    origin: Origin | None = origin_field()

    @property
    def key(self) -> tuple[str, str, str]:
        return ("index", self.schema, self.name)


@dataclass(frozen=True)
class Schema:
    """A whole managed schema. Every tuple is sorted by its objects' keys."""

    namespaces: tuple[Namespace, ...] = ()
    extensions: tuple[Extension, ...] = ()
    enums: tuple[EnumType, ...] = ()
    sequences: tuple[Sequence, ...] = ()
    tables: tuple[Table, ...] = ()
    indexes: tuple[Index, ...] = ()
    # Kinds added later are left out of snapshots and hashes while empty, so the hashes
    # of schemas without them (recorded in existing plans and revisions) stay the same.
    views: tuple[View, ...] = field(default=(), metadata={"omit_empty": True})
    functions: tuple[Function, ...] = field(default=(), metadata={"omit_empty": True})
    triggers: tuple[Trigger, ...] = field(default=(), metadata={"omit_empty": True})
    domains: tuple[Domain, ...] = field(default=(), metadata={"omit_empty": True})
    composite_types: tuple[CompositeType, ...] = field(default=(), metadata={"omit_empty": True})
    range_types: tuple[RangeType, ...] = field(default=(), metadata={"omit_empty": True})
    privileges: tuple[Privilege, ...] = field(default=(), metadata={"omit_empty": True})
    owners: tuple[Owner, ...] = field(default=(), metadata={"omit_empty": True})
    collations: tuple[Collation, ...] = field(default=(), metadata={"omit_empty": True})

    def __post_init__(self) -> None:
        # Canonical order makes equality, hashing and output independent of input order.
        for f in dataclasses.fields(self):
            items = getattr(self, f.name)
            object.__setattr__(self, f.name, tuple(sorted(items, key=_sort_key)))

    @cached_property
    def tables_by_name(self) -> dict[tuple[str, str], Table]:
        return {(t.schema, t.name): t for t in self.tables}

    def table(self, schema: str, name: str) -> Table | None:
        return self.tables_by_name.get((schema, name))

    def is_empty(self) -> bool:
        return not any(getattr(self, f.name) for f in dataclasses.fields(self))


def _sort_key(obj: Any) -> tuple[str, ...]:
    key: tuple[str, ...] = obj.key
    return key


def _by_name(obj: Any) -> str:
    name: str = obj.name
    return name


# ---------------------------------------------------------------- views, functions,
# triggers, domains (docs/objects.md). Their dependencies come from the catalog
# (pg_depend / pg_rewrite), never from parsing SQL.


@dataclass(frozen=True)
class Dependency:
    """An object that a view, function or trigger needs, as ``pg_depend`` records it.

    ``kind`` is ``relation`` (a table, view or materialized view; ``columns`` lists the
    columns read, when the catalog records them) or ``function`` (``name`` is
    ``name(identity arguments)``, as in ``Function.signature``).
    """

    kind: str
    schema: str
    name: str
    columns: tuple[str, ...] = ()


@dataclass(frozen=True)
class ViewColumn:
    """An output column of a view: ``CREATE OR REPLACE VIEW`` must keep it as it is."""

    name: str
    type: str
    collation: str | None = None


@dataclass(frozen=True)
class View:
    """A view or materialized view. ``definition`` is ``pg_get_viewdef`` (the query).

    ``options`` are the ``WITH (...)`` reloptions as the server stores them (e.g.
    ``security_barrier=true``); ``indexes`` belong to a materialized view.
    """

    schema: str
    name: str
    definition: str
    materialized: bool = False
    columns: tuple[ViewColumn, ...] = ()
    options: tuple[str, ...] = ()
    depends_on: tuple[Dependency, ...] = ()
    indexes: tuple[Index, ...] = ()
    comment: str | None = None
    origin: Origin | None = origin_field()

    @property
    def key(self) -> tuple[str, str, str]:
        return ("view", self.schema, self.name)


@dataclass(frozen=True)
class Function:
    """A function or procedure, identified by its name and argument types.

    ``identity`` is the argument types alone (``oidvectortypes(proargtypes)``), so that
    renaming an argument is a change of the same function; ``arguments`` is
    ``pg_get_function_identity_arguments`` (what ``DROP`` and ``COMMENT ON`` name);
    ``argument_list`` is ``pg_get_function_arguments`` (names, modes and defaults, which
    ``CREATE OR REPLACE`` cannot change), ``result`` is ``pg_get_function_result``
    (``None`` for a procedure) and ``definition`` is ``pg_get_functiondef``: the whole
    ``CREATE OR REPLACE`` statement as the server stores the function.
    """

    schema: str
    name: str
    identity: str
    arguments: str
    definition: str
    procedure: bool = False
    argument_list: str = ""
    result: str | None = None
    depends_on: tuple[Dependency, ...] = ()
    comment: str | None = None
    origin: Origin | None = origin_field()

    @property
    def signature(self) -> str:
        return f"{self.name}({self.identity})"

    @property
    def key(self) -> tuple[str, str, str]:
        return ("function", self.schema, self.signature)


@dataclass(frozen=True)
class Trigger:
    """A (non-internal) trigger; ``definition`` is ``pg_get_triggerdef``."""

    schema: str
    table: str
    name: str
    definition: str
    function: Dependency | None = None
    comment: str | None = None
    origin: Origin | None = origin_field()

    @property
    def key(self) -> tuple[str, str, str]:
        return ("trigger", self.schema, f"{self.table}.{self.name}")


@dataclass(frozen=True)
class DomainConstraint:
    """A ``CHECK`` of a domain; ``definition`` is ``pg_get_constraintdef``."""

    name: str
    definition: str
    validated: bool = True


@dataclass(frozen=True)
class Domain:
    schema: str
    name: str
    base_type: str
    not_null: bool = False
    default: str | None = None
    collation: str | None = None
    constraints: tuple[DomainConstraint, ...] = ()
    comment: str | None = None
    origin: Origin | None = origin_field()

    def __post_init__(self) -> None:
        object.__setattr__(self, "constraints", tuple(sorted(self.constraints, key=_by_name)))

    @property
    def key(self) -> tuple[str, str, str]:
        return ("domain", self.schema, self.name)


# Composite and range types, privileges and owners live in types.py (it needs Origin from here).
from alembic_lockplane.model.collations import Collation  # noqa: E402
from alembic_lockplane.model.types import (  # noqa: E402
    CompositeType,
    Owner,
    Privilege,
    RangeType,
)
