"""The engine's front door: turn any schema input into a model, and two models into a plan.

Used by the CLI and by the Alembic integration, so both behave the same.
"""

from __future__ import annotations

import dataclasses
import os
import re
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import psycopg2

from alembic_lockplane.db.connect import connect
from alembic_lockplane.db.url import is_database_url
from alembic_lockplane.errors import SchemaSourceError, SnapshotError
from alembic_lockplane.fileio import read_json_file
from alembic_lockplane.model.objects import Schema
from alembic_lockplane.plan.model import Plan
from alembic_lockplane.source import Diagnostic, Statement, is_sql_source

if TYPE_CHECKING:
    from alembic_lockplane.diff.renames import Rename


def load_desired(
    path: Path | None,
    *,
    shadow_url: str | None = None,
    schemas: Sequence[str] | None = None,
    cwd: Path | None = None,
    strict: bool = False,
    env: Mapping[str, str] | None = None,
    on_warning: Callable[[Diagnostic], None] | None = None,
    owners: bool = False,
    privileges: bool = True,
) -> Schema:
    """Check the ``.lp.sql`` source statically, then normalise it through PostgreSQL.

    Warnings of the static pass go to ``on_warning`` (errors raise with all diagnostics).
    The result is reused while the files, the shadow's version and ``schemas`` are unchanged
    (``shadow/cache.py``; ``LOCKPLANE_NO_CACHE=1`` turns that off). ``owners`` reads the
    owners too (``manage_owners``); such a load is not cached. ``privileges=False``
    (``manage_privileges = false``) leaves the privileges out of the result.
    """
    from alembic_lockplane.shadow import cache
    from alembic_lockplane.shadow.load import load_statements
    from alembic_lockplane.source import discover, read_source

    where = cwd or Path.cwd()
    environ = os.environ if env is None else env
    files = discover(path, cwd=where, env=environ)
    key = None
    if not owners and not cache.cache_disabled(environ):
        digest = cache.source_digest(files, where)
        version = cache.shadow_version(shadow_url) if digest else None
        key = cache.cache_key(digest, version, schemas) if digest and version else None
    hit = cache.read_cached(key) if key else None
    if hit is not None and not (strict and hit.warnings):
        if on_warning is not None:
            for warning in hit.warnings:
                on_warning(warning)
        return hit.schema if privileges else without_privileges(hit.schema)
    parsed = read_source(files, strict=strict, cwd=where)
    if parsed.has_errors:
        errors = [d for d in parsed.diagnostics if d.severity == "error"]
        first = errors[0]
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        raise SchemaSourceError(
            f"{first.file}:{first.line}:{first.column}: {first.message}{more}",
            tuple(parsed.diagnostics),
            hint=first.hint or "run `lockplane validate schema` to see every problem",
        )
    if on_warning is not None:
        for warning in parsed.warnings:
            on_warning(warning)
    schema = load_statements(
        parsed.statements, shadow_url=shadow_url, schemas=schemas, owners=owners
    )
    if key is not None:
        cache.write_cached(key, schema, parsed.warnings)
    return schema if privileges else without_privileges(schema)


def without_privileges(schema: Schema) -> Schema:
    """``schema`` with no privileges (``manage_privileges = false``): the cached load of a
    desired schema keeps them, so one cache entry serves both settings."""
    return dataclasses.replace(schema, privileges=()) if schema.privileges else schema


def introspect_url(
    url: str,
    schemas: Sequence[str] | None = None,
    *,
    owners: bool = False,
    privileges: bool = True,
) -> Schema:
    from alembic_lockplane.introspect import introspect

    conn = connect(url)
    try:
        return introspect(conn, schemas or None, owners=owners, privileges=privileges)
    finally:
        conn.close()


def load_snapshot(path: Path) -> Schema:
    """Our JSON snapshot, or Lockplane's (recognised by shape)."""
    from alembic_lockplane.model.lockplane_json import is_lockplane_schema, schema_from_lockplane
    from alembic_lockplane.model.serde import schema_from_data

    data = read_json_file(
        path,
        hint="schema inputs are a database URL, a .lp.sql file or folder, or a JSON snapshot",
    )
    try:
        if is_lockplane_schema(data):
            return schema_from_lockplane(data)
        return schema_from_data(data)
    except SnapshotError as exc:
        raise SnapshotError(f"{path}: {exc.message}", hint=exc.hint) from None


def load_input(
    value: str,
    *,
    shadow_url: str | None = None,
    schemas: Sequence[str] | None = None,
    cwd: Path | None = None,
    on_warning: Callable[[Diagnostic], None] | None = None,
    owners: bool = False,
    privileges: bool = True,
) -> Schema:
    """A database URL, a ``.lp.sql`` file or folder, or a JSON snapshot (whose privileges
    are dropped with ``privileges=False``, like the other inputs')."""
    if is_database_url(value):
        return introspect_url(value, schemas, owners=owners, privileges=privileges)
    path = Path(value)
    if not path.is_absolute() and cwd is not None:
        path = cwd / path
    if is_sql_source(path):
        return load_desired(
            path,
            shadow_url=shadow_url,
            schemas=schemas,
            cwd=cwd,
            on_warning=on_warning,
            owners=owners,
            privileges=privileges,
        )
    snapshot = load_snapshot(path)
    return snapshot if privileges else without_privileges(snapshot)


def make_plan(
    current: Schema,
    desired: Schema,
    lock_safe: bool | frozenset[str] = True,
    *,
    hints: Sequence[Statement] = (),
    shadow_url: str | None = None,
    schemas: Sequence[str] | None = None,
    owners: bool = False,
    privileges: bool = True,
) -> Plan:
    """The plan from ``current`` to ``desired``, with the safety rules' findings.

    ``lock_safe``: the lock-safe strategies to use on existing tables (``True``: all).
    ``hints``: desired-schema statements carrying ``-- lockplane: renamed from`` hints
    (``rename_hints``); the renames they ask for come first, and the rest is planned from
    the current schema as it is after them (computed on a scratch database of
    ``shadow_url``, introspected with ``schemas`` and, as ``current`` was, ``owners`` and
    ``privileges``). A hint naming nothing that exists raises ``SchemaSourceError`` at its
    position.
    """
    from alembic_lockplane.plan.build import build_plan
    from alembic_lockplane.safety import assess

    def plain(start: Schema) -> Plan:
        return build_plan(start, desired, assess=assess, lock_safe=lock_safe)

    if not hints:
        return plain(current)
    from alembic_lockplane.diff.renames import resolve_renames
    from alembic_lockplane.plan.renamed import plan_with_renames

    renames = resolve_renames(hints, current, desired)
    if not renames:
        return plain(current)
    after = renamed_schema(
        current,
        renames,
        shadow_url=shadow_url,
        schemas=schemas,
        owners=owners,
        privileges=privileges,
    )
    return plan_with_renames(current, after, renames, plain)


def rename_hints(
    path: Path | None, *, cwd: Path | None = None, env: Mapping[str, str] | None = None
) -> tuple[Statement, ...]:
    """The statements of the desired ``.lp.sql`` source that carry rename hints (none for a
    JSON snapshot or a database URL). Files without the word ``renamed`` are not re-read."""
    from alembic_lockplane.source import discover, read_source

    if path is not None and not is_sql_source(path):
        return ()
    where = cwd or Path.cwd()
    files = discover(path, cwd=where, env=os.environ if env is None else env)
    if not any(_may_hint(f if f.is_absolute() else where / f) for f in files):
        return ()
    parsed = read_source(files, cwd=where)
    return tuple(s for s in parsed.statements if s.hints)


def input_hints(value: str, *, cwd: Path | None = None) -> tuple[Statement, ...]:
    """``rename_hints`` of a schema input as ``load_input`` takes it."""
    if is_database_url(value):
        return ()
    path = Path(value)
    if not path.is_absolute() and cwd is not None:
        path = cwd / path
    return rename_hints(path, cwd=cwd) if is_sql_source(path) else ()


def _may_hint(path: Path) -> bool:
    try:
        return _HINT_WORD.search(path.read_bytes()) is not None
    except OSError:
        return False


_HINT_WORD = re.compile(rb"lockplane\s*:\s*renamed", re.IGNORECASE)


def renamed_schema(
    current: Schema,
    renames: Sequence[Rename],
    *,
    shadow_url: str | None,
    schemas: Sequence[str] | None = None,
    owners: bool = False,
    privileges: bool = True,
) -> Schema:
    """``current`` after ``renames``, as PostgreSQL prints it: built on a scratch database
    (planned from what a fresh database holds), renamed there, introspected (with
    ``owners`` and ``privileges`` as ``current`` was read). On the embedded shadow the
    roles ``current`` names are created first (``shadow/roles.py``)."""
    from alembic_lockplane.diff.renames import rename_statements
    from alembic_lockplane.errors import PlanError
    from alembic_lockplane.introspect import introspect
    from alembic_lockplane.plan.build import build_plan
    from alembic_lockplane.shadow import roles
    from alembic_lockplane.shadow.provider import scratch_database

    with scratch_database(shadow_url) as url:
        conn = connect(url, autocommit=True)
        try:
            roles.prepare_shadow(conn, shadow_url, current)
            baseline = introspect(conn, schemas or None, owners=owners, privileges=privileges)
            build = build_plan(baseline, current, lock_safe=False)
            building = [s for step in build.steps for s in step.sql]
            with conn.cursor() as cur:
                for statement in [*building, *rename_statements(renames)]:
                    try:
                        cur.execute(statement)
                    except psycopg2.Error as exc:
                        message = (exc.diag.message_primary or str(exc)).strip()
                        role = roles.missing_role_of(exc)
                        raise PlanError(
                            f"cannot prepare the renames on the shadow: {statement}: {message}",
                            hint=roles.missing_role_hint(role)
                            if role
                            else "the shadow must be able to hold the current schema "
                            "(SHADOW_DATABASE_URL: a server of the target's version)",
                        ) from None
            scope = _renamed_scope(schemas, renames)
            return introspect(conn, scope, owners=owners, privileges=privileges)
        finally:
            conn.close()


def _renamed_scope(
    schemas: Sequence[str] | None, renames: Sequence[Rename]
) -> Sequence[str] | None:
    """A renamed schema is introspected under its new name."""
    if not schemas:
        return None
    new = {r.old: r.new for r in renames if r.kind == "schema"}
    return [new.get(s, s) for s in schemas]
