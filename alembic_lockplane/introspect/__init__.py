"""Read a live database into the schema model: the only code that reads the catalogs.

A fixed number of catalog queries (one per object kind, however many tables) run inside a
transaction that is rolled back, with ``search_path`` empty so that PostgreSQL's own
renderers schema-qualify every user object. Both sides of a diff come through here, so
they speak the same canonical text.
"""

from __future__ import annotations

from collections.abc import Collection
from collections.abc import Sequence as Seq

import psycopg2.extensions

from alembic_lockplane.introspect import build
from alembic_lockplane.introspect import collations as collation_kind
from alembic_lockplane.introspect import objects as kinds
from alembic_lockplane.introspect import types as type_kinds
from alembic_lockplane.introspect.session import QueryHook, catalog_session
from alembic_lockplane.model.objects import Schema

__all__ = ["DEFAULT_EXCLUDE_TABLES", "QueryHook", "introspect"]

DEFAULT_EXCLUDE_TABLES: tuple[tuple[str | None, str], ...] = ((None, "alembic_version"),)


def introspect(
    conn: psycopg2.extensions.connection,
    schemas: Seq[str] | None = None,
    *,
    exclude_tables: Collection[tuple[str | None, str]] = DEFAULT_EXCLUDE_TABLES,
    on_query: QueryHook | None = None,
    owners: bool = False,
    privileges: bool = True,
) -> Schema:
    """The schema of the database behind ``conn``.

    ``schemas`` narrows the scope (default: every schema except ``pg_*`` and
    ``information_schema``). ``exclude_tables`` lists ``(schema, table)`` pairs to leave
    out, with their columns, constraints, indexes, policies and owned sequences; a schema
    of ``None`` matches the table in any schema. ``on_query`` is called with a label before
    every statement sent, so callers (tests, benchmarks) can count round trips. ``owners``
    also reads the owners of objects the connected role does not own (``manage_owners``);
    ``privileges=False`` leaves privileges out (``manage_privileges = false``).

    The connection comes back in the state it was in: autocommit or not, idle or inside
    the caller's transaction (a savepoint is used then), settings unchanged.
    """
    if isinstance(schemas, str):  # a str is a Sequence[str] too: one name, not its letters
        schemas = [schemas]
    params = {
        "schemas": list(schemas) if schemas is not None else None,
        "exclude_any": [name for schema, name in exclude_tables if schema is None],
        "exclude_schema": [schema for schema, _ in exclude_tables if schema is not None],
        "exclude_name": [name for schema, name in exclude_tables if schema is not None],
    }
    with catalog_session(conn, params, on_query) as session:
        namespaces = build.namespaces(session.rows("namespaces"))
        extensions = build.extensions(session.rows("extensions"))
        enums = build.enums(session.rows("enums"))
        sequences = build.sequences(session.rows("sequences"))
        table_rows = session.rows("tables")
        columns = build.columns_by_table(session.rows("columns"))
        constraints = build.constraints_by_table(session.rows("constraints"))
        policies = build.policies_by_table(session.rows("policies"))
        indexes = build.indexes(session.rows("indexes"))
        views = kinds.views(session.rows("views"))
        functions = kinds.functions(session.rows("functions"))
        triggers = kinds.triggers(session.rows("triggers"))
        domains = kinds.domains(session.rows("domains"))
        composite_types = type_kinds.composite_types(session.rows("composite_types"))
        range_types = type_kinds.range_types(session.rows("range_types"))
        granted = type_kinds.privileges(session.rows("privileges")) if privileges else []
        owned = type_kinds.owners(session.rows("owners")) if owners else []
        collations = collation_kind.collations(session.rows("collations"))
    return Schema(
        namespaces=tuple(namespaces),
        extensions=tuple(extensions),
        enums=tuple(enums),
        sequences=tuple(sequences),
        tables=tuple(build.tables(table_rows, columns, constraints, policies)),
        indexes=tuple(indexes),
        views=tuple(views),
        functions=tuple(functions),
        triggers=tuple(triggers),
        domains=tuple(domains),
        composite_types=tuple(composite_types),
        range_types=tuple(range_types),
        privileges=tuple(granted),
        owners=tuple(owned),
        collations=tuple(collations),
    )
