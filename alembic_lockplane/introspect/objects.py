"""Catalog rows -> views, functions, triggers and domains (queries ``views.sql``,
``functions.sql``, ``triggers.sql``, ``domains.sql``).

Nested lists (columns, dependencies, indexes, domain constraints) arrive as JSON arrays
built by the query, so each kind stays one round trip however many objects there are.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from alembic_lockplane.introspect.canonical import canonical, canonical_or_none
from alembic_lockplane.model.objects import (
    Dependency,
    Domain,
    DomainConstraint,
    Function,
    Index,
    Trigger,
    View,
    ViewColumn,
)

Row = tuple[Any, ...]


def _dependencies(items: Iterable[list[Any]]) -> tuple[Dependency, ...]:
    deps = {Dependency(kind, schema, name, tuple(columns)) for kind, schema, name, columns in items}
    return tuple(sorted(deps, key=lambda d: (d.kind, d.schema, d.name)))


def views(rows: Iterable[Row]) -> list[View]:
    result = []
    for (
        schema,
        name,
        definition,
        materialized,
        columns,
        options,
        deps,
        indexes,
        comment,
    ) in rows:
        result.append(
            View(
                schema=schema,
                name=name,
                definition=canonical(definition),
                materialized=materialized,
                columns=tuple(ViewColumn(n, t, c) for n, t, c in columns),
                options=tuple(sorted(options)),
                depends_on=_dependencies(deps),
                indexes=tuple(
                    Index(
                        schema=schema,
                        name=index_name,
                        table=name,
                        definition=canonical(index_def),
                        unique=unique,
                        method=method,
                        comment=index_comment,
                    )
                    for index_name, index_def, unique, method, index_comment in indexes
                ),
                comment=comment,
            )
        )
    return result


def functions(rows: Iterable[Row]) -> list[Function]:
    return [
        Function(
            schema=schema,
            name=name,
            identity=identity,
            arguments=arguments,
            definition=definition,
            procedure=procedure,
            argument_list=argument_list,
            result=result,
            depends_on=_dependencies(deps),
            comment=comment,
        )
        for (
            schema,
            name,
            identity,
            arguments,
            definition,
            procedure,
            argument_list,
            result,
            deps,
            comment,
        ) in rows
    ]


def triggers(rows: Iterable[Row]) -> list[Trigger]:
    return [
        Trigger(
            schema=schema,
            table=table,
            name=name,
            definition=canonical(definition),
            function=Dependency("function", fn_schema, fn_name),
            comment=comment,
        )
        for schema, table, name, definition, fn_schema, fn_name, comment in rows
    ]


def domains(rows: Iterable[Row]) -> list[Domain]:
    return [
        Domain(
            schema=schema,
            name=name,
            base_type=base_type,
            not_null=not_null,
            default=canonical_or_none(default),
            collation=collation,
            constraints=tuple(
                DomainConstraint(cname, canonical(cdef), validated)
                for cname, cdef, validated in checks
            ),
            comment=comment,
        )
        for schema, name, base_type, not_null, default, collation, checks, comment in rows
    ]
