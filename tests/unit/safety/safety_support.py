"""Builders shared by the per-rule tests: small schemas, a plan context, findings by code."""

from __future__ import annotations

from alembic_lockplane.diff.changes import Change, TableKey
from alembic_lockplane.model.objects import Column, Constraint, Index, IndexKey, Schema, Table
from alembic_lockplane.plan.build import PlanContext
from alembic_lockplane.plan.model import Finding
from alembic_lockplane.safety import assess

USERS = TableKey("public", "users")


def context(
    current: Schema | None = None,
    desired: Schema | None = None,
    created_tables: frozenset[tuple[str, str]] = frozenset(),
    strategies: frozenset[str] = frozenset(),
) -> PlanContext:
    """The planner's own context, with empty schemas by default."""
    return PlanContext(current or Schema(), desired or Schema(), created_tables, strategies)


def users(*columns: Column, constraints: tuple[Constraint, ...] = ()) -> Table:
    cols = columns or (Column("id", "bigint", not_null=True), Column("email", "text"))
    return Table("public", "users", columns=cols, constraints=constraints)


def existing(*tables: Table, indexes: tuple[Index, ...] = ()) -> PlanContext:
    """A plan over a database that already has ``tables`` (with rows, as far as rules know)."""
    schema = Schema(tables=tables, indexes=indexes)
    return context(current=schema, desired=schema)


def created(*tables: Table) -> PlanContext:
    """A plan that creates ``tables`` itself."""
    return context(
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


def found(change: Change, ctx: PlanContext, code: str) -> list[Finding]:
    """The findings of rule ``code`` about ``change``, through the public ``assess``."""
    return [f for f in assess(change, ctx) if f.code == code]


def codes(change: Change, ctx: PlanContext) -> set[str]:
    return {f.code for f in assess(change, ctx)}
