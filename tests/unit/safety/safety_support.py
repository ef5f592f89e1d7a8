"""Builders shared by the per-rule tests: small schemas, a plan context, findings by code."""

from __future__ import annotations

from dataclasses import dataclass, field

from alembic_lockplane.diff.changes import Change, TableKey
from alembic_lockplane.model.objects import Column, Constraint, Index, IndexKey, Schema, Table
from alembic_lockplane.plan.model import Finding
from alembic_lockplane.safety import assess

USERS = TableKey("public", "users")


@dataclass(frozen=True)
class Ctx:
    """Satisfies ``SafetyContext`` the way plan/build.py's PlanContext will."""

    current: Schema = field(default_factory=Schema)
    desired: Schema = field(default_factory=Schema)
    created_tables: frozenset[tuple[str, str]] = frozenset()
    strategies: frozenset[str] = field(default_factory=frozenset)


def users(*columns: Column, constraints: tuple[Constraint, ...] = ()) -> Table:
    cols = columns or (Column("id", "bigint", not_null=True), Column("email", "text"))
    return Table("public", "users", columns=cols, constraints=constraints)


def existing(*tables: Table, indexes: tuple[Index, ...] = ()) -> Ctx:
    """A plan over a database that already has ``tables`` (with rows, as far as rules know)."""
    schema = Schema(tables=tables, indexes=indexes)
    return Ctx(current=schema, desired=schema)


def created(*tables: Table) -> Ctx:
    """A plan that creates ``tables`` itself."""
    return Ctx(
        desired=Schema(tables=tables),
        created_tables=frozenset((t.schema, t.name) for t in tables),
    )


def index(name: str, *keys: str, table: str = "users", include: tuple[str, ...] = ()) -> Index:
    return Index(
        "public",
        name,
        table,
        definition=f"CREATE INDEX {name} ON public.{table} USING btree ({', '.join(keys)})",
        keys=tuple(IndexKey(k) for k in keys),
        include=include,
    )


def found(change: Change, ctx: Ctx, code: str) -> list[Finding]:
    """The findings of rule ``code`` about ``change``, through the public ``assess``."""
    return [f for f in assess(change, ctx) if f.code == code]


def codes(change: Change, ctx: Ctx) -> set[str]:
    return {f.code for f in assess(change, ctx)}
