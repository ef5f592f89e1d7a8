"""Read schema snapshots written by Lockplane (the Go tool).

Its format holds tables only, with loosely written types; we map it onto our model in the
server's canonical spelling so that a plan against a live database does not see phantom
changes. Anything we cannot read is an error naming the JSON path, never a guess.
"""

from __future__ import annotations

import re
from typing import Any

from alembic_lockplane.errors import SnapshotError
from alembic_lockplane.model.objects import (
    Column,
    Constraint,
    ConstraintKind,
    ForeignKeyTarget,
    Index,
    Namespace,
    Policy,
    Schema,
    Table,
)
from alembic_lockplane.render.quote import qualified, quote_ident

_TYPE_ALIASES = {
    "int": "integer",
    "int4": "integer",
    "int2": "smallint",
    "int8": "bigint",
    "serial": "integer",
    "serial4": "integer",
    "bigserial": "bigint",
    "serial8": "bigint",
    "smallserial": "smallint",
    "bool": "boolean",
    "float4": "real",
    "float8": "double precision",
    "float": "double precision",
    "timestamp": "timestamp without time zone",
    "timestamptz": "timestamp with time zone",
    "time": "time without time zone",
    "timetz": "time with time zone",
    "varchar": "character varying",
    "char": "character",
    "decimal": "numeric",
}
_PARAMETRISED = re.compile(r"^(?P<base>[a-z0-9 ]+?)\s*(?P<args>\(.*\))?(?P<array>(\[\])*)$")
_SERIAL = {"serial", "serial4", "bigserial", "serial8", "smallserial"}


def is_lockplane_schema(data: Any) -> bool:
    return isinstance(data, dict) and "format" not in data and "tables" in data


def canonical_type(name: str) -> str:
    text = " ".join(name.strip().lower().split())
    match = _PARAMETRISED.match(text)
    if not match:
        return text
    base = _TYPE_ALIASES.get(match["base"], match["base"])
    args = (match["args"] or "").replace(" ", "")
    if base.startswith("timestamp ") or base.startswith("time "):
        head, _, zone = base.partition(" ")
        return f"{head}{args} {zone}{match['array']}"
    return f"{base}{args}{match['array']}"


def _expect(value: Any, kind: type, path: str) -> Any:
    if not isinstance(value, kind) or (kind is not bool and isinstance(value, bool)):
        raise SnapshotError(f"{path}: expected {kind.__name__}, got {type(value).__name__}")
    return value


_FK_ACTIONS = ("NO ACTION", "RESTRICT", "CASCADE", "SET NULL", "SET DEFAULT")
_POLICY_COMMANDS = ("ALL", "SELECT", "INSERT", "UPDATE", "DELETE")


def _word(value: Any, allowed: tuple[str, ...], path: str) -> str:
    """One of ``allowed`` in any case and spacing (absent means the first, the default)."""
    if value is None or value == "":
        return allowed[0]
    word = " ".join(str(_expect(value, str, path)).upper().split())
    if word not in allowed:
        raise SnapshotError(f"{path}: expected one of {list(allowed)}, got {value!r}")
    return word


def _optional(value: Any, path: str) -> str | None:
    return None if value is None else str(_expect(value, str, path))


def _list(data: dict[str, Any], key: str, path: str) -> list[Any]:
    """An optional array (absent, null or empty all mean none)."""
    value: list[Any] = _expect(data.get(key) or [], list, f"{path}.{key}")
    return value


def _names(value: Any, path: str) -> tuple[str, ...]:
    items = _expect(value, list, path)
    return tuple(_expect(v, str, f"{path}[{i}]") for i, v in enumerate(items))


def _column(data: Any, path: str, schema: str, table: str) -> tuple[Column, bool]:
    _expect(data, dict, path)
    name = _expect(data.get("name"), str, f"{path}.name")
    raw_type = _expect(data.get("type"), str, f"{path}.type")
    default = data.get("default")
    if default is not None:
        default = str(default)
    if raw_type.strip().lower() in _SERIAL:
        seq = quote_ident(f"{table}_{name}_seq")
        default = f"nextval('{quote_ident(schema)}.{seq}'::regclass)"
    nullable = data.get("nullable", True)
    _expect(nullable, bool, f"{path}.nullable")
    is_pk = bool(data.get("is_primary_key", False))
    column = Column(
        name=name,
        type=canonical_type(raw_type),
        not_null=(not nullable) or is_pk,
        default=default,
    )
    return column, is_pk


def _table(data: Any, path: str) -> tuple[Table, list[Index]]:
    _expect(data, dict, path)
    name = _expect(data.get("name"), str, f"{path}.name")
    schema = data.get("schema") or "public"
    _expect(schema, str, f"{path}.schema")
    columns: list[Column] = []
    pk: list[str] = []
    for i, raw in enumerate(_expect(data.get("columns", []), list, f"{path}.columns")):
        column, is_pk = _column(raw, f"{path}.columns[{i}]", schema, name)
        columns.append(column)
        if is_pk:
            pk.append(column.name)
    constraints: list[Constraint] = []
    if pk:
        cols = ", ".join(quote_ident(c) for c in pk)
        constraints.append(
            Constraint(
                f"{name}_pkey", ConstraintKind.PRIMARY_KEY, f"PRIMARY KEY ({cols})", tuple(pk)
            )
        )
    for i, fk in enumerate(_list(data, "foreign_keys", path)):
        p = f"{path}.foreign_keys[{i}]"
        _expect(fk, dict, p)
        fk_name = _expect(fk.get("name"), str, f"{p}.name")
        fk_cols = _names(fk.get("columns"), f"{p}.columns")
        ref_table = _expect(fk.get("referenced_table"), str, f"{p}.referenced_table")
        ref_schema, _, ref_name = ref_table.rpartition(".")
        ref_cols = _names(fk.get("referenced_columns"), f"{p}.referenced_columns")
        on_delete = _word(fk.get("on_delete"), _FK_ACTIONS, f"{p}.on_delete")
        on_update = _word(fk.get("on_update"), _FK_ACTIONS, f"{p}.on_update")
        definition = (
            f"FOREIGN KEY ({', '.join(map(quote_ident, fk_cols))}) REFERENCES "
            f"{qualified(ref_schema or schema, ref_name)}({', '.join(map(quote_ident, ref_cols))})"
        )
        if on_update != "NO ACTION":
            definition += f" ON UPDATE {on_update}"
        if on_delete != "NO ACTION":
            definition += f" ON DELETE {on_delete}"
        target = ForeignKeyTarget(ref_schema or schema, ref_name, ref_cols, on_update, on_delete)
        constraints.append(
            Constraint(fk_name, ConstraintKind.FOREIGN_KEY, definition, fk_cols, target)
        )
    indexes: list[Index] = []
    for i, ix in enumerate(_list(data, "indexes", path)):
        p = f"{path}.indexes[{i}]"
        _expect(ix, dict, p)
        ix_name = _expect(ix.get("name"), str, f"{p}.name")
        ix_cols = _names(ix.get("columns"), f"{p}.columns")
        if not ix_cols:
            raise SnapshotError(f"{p}.columns: an index needs at least one column")
        unique = bool(ix.get("unique", False))
        definition = (
            f"CREATE {'UNIQUE ' if unique else ''}INDEX {quote_ident(ix_name)} ON "
            f"{qualified(schema, name)} USING btree ({', '.join(map(quote_ident, ix_cols))})"
        )
        indexes.append(Index(schema, ix_name, name, definition, unique))
    policies = tuple(
        _policy(p, f"{path}.policies[{i}]") for i, p in enumerate(_list(data, "policies", path))
    )
    table = Table(
        schema,
        name,
        tuple(columns),
        tuple(constraints),
        policies,
        rls_enabled=bool(data.get("rls_enabled", False)),
    )
    return table, indexes


def _policy(data: Any, path: str) -> Policy:
    _expect(data, dict, path)
    roles = data.get("roles") or ["public"]
    return Policy(
        name=_expect(data.get("name"), str, f"{path}.name"),
        permissive=bool(data.get("permissive", True)),
        command=_word(data.get("command"), _POLICY_COMMANDS, f"{path}.command"),
        roles=_names(roles, f"{path}.roles"),
        using=_optional(data.get("using"), f"{path}.using"),
        with_check=_optional(data.get("with_check"), f"{path}.with_check"),
    )


def schema_from_lockplane(data: dict[str, Any]) -> Schema:
    tables: list[Table] = []
    indexes: list[Index] = []
    for i, raw in enumerate(_expect(data.get("tables"), list, "$.tables")):
        table, table_indexes = _table(raw, f"$.tables[{i}]")
        tables.append(table)
        indexes.extend(table_indexes)
    namespaces = {t.schema for t in tables} | {"public"}
    return Schema(
        namespaces=tuple(Namespace(n) for n in sorted(namespaces)),
        tables=tuple(tables),
        indexes=tuple(indexes),
    )
