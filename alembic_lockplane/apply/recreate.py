"""Recreate a whole schema model in an empty database, with the planner itself.

There is no second DDL writer: the steps that build a schema from nothing are the plan
from an empty baseline to the model. The baseline is what a fresh database really holds
(``public`` and its comment, ``plpgsql``), read from the database when we have it, so the
plan neither recreates what exists nor forgets what PostgreSQL created differently.
Used by the shadow dry-run and by the Alembic integration.
"""

from __future__ import annotations

from alembic_lockplane.apply.execute import Progress, Runner, Timeouts
from alembic_lockplane.db.connect import Connection
from alembic_lockplane.introspect import introspect
from alembic_lockplane.model.objects import Schema
from alembic_lockplane.plan.model import Plan


def fresh_baseline(schema: Schema) -> Schema:
    """What a fresh database holds of ``schema``'s scope, assumed: ``public`` only."""
    return Schema(namespaces=tuple(n for n in schema.namespaces if n.name == "public"))


def recreate_plan(schema: Schema, baseline: Schema | None = None) -> Plan:
    """The plan that turns ``baseline`` (default: ``fresh_baseline``) into ``schema``."""
    from alembic_lockplane.engine import make_plan

    return make_plan(fresh_baseline(schema) if baseline is None else baseline, schema)


def database_baseline(conn: Connection, schema: Schema) -> Schema:
    """What the database behind ``conn`` already holds of ``schema``'s namespaces.

    Read only within the model's own namespaces, so a model narrowed to ``app`` never plans
    to drop the fresh database's ``public``.
    """
    names = [n.name for n in schema.namespaces]
    return introspect(conn, names, exclude_tables=()) if names else Schema()


def recreate(conn: Connection, schema: Schema, *, progress: Progress | None = None) -> Plan:
    """Build ``schema`` in the (empty) database behind ``conn``; returns the plan it ran.

    Raises ``StepFailed`` naming the step PostgreSQL refused (a missing extension, say).
    """
    plan = recreate_plan(schema, database_baseline(conn, schema))
    Runner(
        conn,
        plan.steps,
        timeouts=Timeouts(lock_timeout="0"),
        progress=progress or (lambda _line: None),
    ).run()
    return plan
