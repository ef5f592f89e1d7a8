"""SQL, descriptions, locks and row work of the storage-setting changes (docs/objects.md).

Locks, from PostgreSQL's ``ALTER TABLE`` documentation and ``reloptions.c`` (13-18):
``SET`` / ``RESET`` of the fillfactor, autovacuum, TOAST, vacuum and planner parameters take
SHARE UPDATE EXCLUSIVE (any other parameter, e.g. ``user_catalog_table``, ACCESS EXCLUSIVE);
``ALTER COLUMN ... SET STATISTICS`` takes SHARE UPDATE EXCLUSIVE; ``SET STORAGE``,
``SET COMPRESSION``, ``REPLICA IDENTITY`` and ``SET LOGGED`` / ``UNLOGGED`` take ACCESS
EXCLUSIVE. ``SET LOGGED`` / ``UNLOGGED`` writes the whole table (and its indexes) anew; the
others change the catalog only (a new storage or compression applies to values written
later).
"""

from __future__ import annotations

import re
from dataclasses import replace

from alembic_lockplane.diff.changes_storage import (
    AlterColumnStorage,
    SetLogged,
    SetReplicaIdentity,
    SetTableOptions,
    StorageChange,
)
from alembic_lockplane.diff.keys import TableKey
from alembic_lockplane.model.objects import Column, Table
from alembic_lockplane.render.describe import display
from alembic_lockplane.render.quote import quote_ident, quote_literal
from alembic_lockplane.render.sql import alter_table, table_name

ACCESS_EXCLUSIVE = "ACCESS EXCLUSIVE"
SHARE_UPDATE_EXCLUSIVE = "SHARE UPDATE EXCLUSIVE"

_KEY = re.compile(r"^[a-z_][a-z0-9_]*$")
_BARE_VALUE = re.compile(r"^[A-Za-z0-9_.+-]+$")
_LIGHT_OPTIONS = frozenset(
    {
        "fillfactor",
        "toast_tuple_target",
        "parallel_workers",
        "log_autovacuum_min_duration",
        "vacuum_index_cleanup",
        "vacuum_truncate",
        "vacuum_max_eager_freeze_failure_rate",
    }
)


def _option_key(text: str, toast: bool) -> str:
    key = text.split("=", 1)[0]
    if not _KEY.match(key):
        raise ValueError(f"unexpected storage parameter name {key!r}")
    return f"toast.{key}" if toast else key


def _option(text: str, toast: bool) -> str:
    value = text.split("=", 1)[1] if "=" in text else "true"
    rendered = value if _BARE_VALUE.match(value) else quote_literal(value)
    return f"{_option_key(text, toast)} = {rendered}"


def with_clause(table: Table) -> str:
    """`` WITH (...)`` for ``CREATE TABLE``, or ``""``."""
    items = [_option(o, False) for o in table.options]
    items += [_option(o, True) for o in table.toast_options]
    return f" WITH ({', '.join(items)})" if items else ""


def option_changes(old: tuple[str, ...], new: tuple[str, ...], toast: bool) -> list[str]:
    """``SET (...)`` for the parameters that come or change, ``RESET (...)`` for those that go."""
    new_keys = {o.split("=", 1)[0] for o in new}
    gone = [_option_key(o, toast) for o in old if o.split("=", 1)[0] not in new_keys]
    come = [_option(o, toast) for o in new if o not in old]
    actions = []
    if gone:
        actions.append(f"RESET ({', '.join(gone)})")
    if come:
        actions.append(f"SET ({', '.join(come)})")
    return actions


def _storage_reset(key: TableKey, column: str) -> str:
    """``SET STORAGE`` back to the type's default: PostgreSQL before 16 has no
    ``SET STORAGE DEFAULT``, so the default is read from ``pg_type`` when the step runs."""
    alter = f"ALTER TABLE {table_name(key)} ALTER COLUMN {quote_ident(column)} SET STORAGE "
    body = (
        f"BEGIN EXECUTE {quote_literal(alter)} || (SELECT CASE t.typstorage"
        " WHEN 'p' THEN 'PLAIN' WHEN 'e' THEN 'EXTERNAL' WHEN 'm' THEN 'MAIN'"
        " ELSE 'EXTENDED' END FROM pg_catalog.pg_attribute a"
        " JOIN pg_catalog.pg_type t ON t.oid = a.atttypid"
        f" WHERE a.attrelid = {quote_literal(table_name(key))}::regclass"
        f" AND a.attname = {quote_literal(column)}); END"
    )
    return f"DO {quote_literal(body)}"


def column_storage(key: TableKey, old: Column | None, new: Column) -> list[str]:
    """Statements taking ``new``'s storage, compression and statistics target from ``old``'s
    (``None``: a column just created or retyped, with its type's defaults)."""
    before = old or Column(new.name, new.type)
    actions = []
    reset_storage = False
    if before.storage != new.storage:
        if new.storage is None:
            reset_storage = True
        else:
            actions.append(f"SET STORAGE {new.storage.upper()}")
    if before.compression != new.compression:
        actions.append(f"SET COMPRESSION {new.compression or 'DEFAULT'}")
    if before.statistics != new.statistics:
        target = new.statistics if new.statistics is not None else -1
        actions.append(f"SET STATISTICS {target}")
    column = quote_ident(new.name)
    out = []
    if actions:
        out.append(alter_table(key, ", ".join(f"ALTER COLUMN {column} {a}" for a in actions)))
    if reset_storage:
        out.append(_storage_reset(key, new.name))
    return out


def storage_after_retype(key: TableKey, column: Column) -> list[str]:
    """After ``ALTER COLUMN ... TYPE``, which resets STORAGE and COMPRESSION to the type's
    defaults but keeps the statistics target: ``column``'s own ones again, if any."""
    return column_storage(key, replace(column, storage=None, compression=None), column)


def _replica_identity(kind: str | None, index: str | None) -> str:
    if kind == "INDEX":
        assert index is not None
        return f"REPLICA IDENTITY USING INDEX {quote_ident(index)}"
    return f"REPLICA IDENTITY {kind or 'DEFAULT'}"


def storage_statements(change: StorageChange) -> list[str]:
    match change:
        case SetTableOptions(table=key, old=old, new=new, toast=toast):
            return [alter_table(key, a) for a in option_changes(old, new, toast)]
        case SetLogged(table=key, unlogged=unlogged):
            return [alter_table(key, "SET UNLOGGED" if unlogged else "SET LOGGED")]
        case SetReplicaIdentity(table=key, new_kind=kind, new_index=index):
            return [alter_table(key, _replica_identity(kind, index))]
        case AlterColumnStorage(table=key, old=old, new=new):
            return column_storage(key, old, new)


def storage_description(change: StorageChange) -> str:
    match change:
        case SetTableOptions(table=key, new=new, toast=toast):
            what = "TOAST storage parameters" if toast else "storage parameters"
            shown = ", ".join(new) if new else "defaults"
            return f"Set {what} of table {display(*key)} to {shown}"
        case SetLogged(table=key, unlogged=unlogged):
            return f"Make table {display(*key)} {'unlogged' if unlogged else 'logged'}"
        case SetReplicaIdentity(table=key, new_kind=kind, new_index=index):
            shown = f"USING INDEX {index}" if kind == "INDEX" else kind or "DEFAULT"
            return f"Set replica identity of table {display(*key)} to {shown}"
        case AlterColumnStorage(table=key, old=old, new=col):
            parts = []
            if old.storage != col.storage:
                parts.append(f"storage {col.storage or 'type default'}")
            if old.compression != col.compression:
                parts.append(f"compression {col.compression or 'default'}")
            if old.statistics != col.statistics:
                target = col.statistics if col.statistics is not None else "default"
                parts.append(f"statistics {target}")
            shown = ", ".join(parts)
            return f"Set {shown} of column {col.name} of table {display(*key)}"


def storage_lock(change: StorageChange) -> str:
    match change:
        case SetTableOptions(old=old, new=new):
            keys = {o.split("=", 1)[0] for o in set(old) ^ set(new)}
            light = all(k in _LIGHT_OPTIONS or k.startswith("autovacuum_") for k in keys)
            return SHARE_UPDATE_EXCLUSIVE if light else ACCESS_EXCLUSIVE
        case AlterColumnStorage(old=old, new=new):
            if (old.storage, old.compression) == (new.storage, new.compression):
                return SHARE_UPDATE_EXCLUSIVE  # SET STATISTICS only
            return ACCESS_EXCLUSIVE
        case SetLogged() | SetReplicaIdentity():
            return ACCESS_EXCLUSIVE
