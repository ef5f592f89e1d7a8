"""``alembic revision --lockplane``: plan, check, validate, then let Alembic write the file.

The revision goes through ``alembic.command.revision``, so Alembic keeps doing everything it
does for any revision (revision ids, heads, branches, ``--splice``, version paths, file
names, post-write hooks). With ``current = database`` (the default) a
``process_revision_directives`` hook runs inside env.py's own connection, which is where
"current" comes from, as for autogenerate. With ``replay`` or a snapshot, env.py is not run.
Either way our ``script.py.mako`` replaces the project's for this one call only, so a
project keeps its own template for every other revision.
"""

from __future__ import annotations

import dataclasses
import os
import sys
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlalchemy.exc
from alembic import command
from alembic import util as alembic_util
from alembic.config import Config
from alembic.operations import ops
from alembic.script import ScriptDirectory
from alembic.util import CommandError

from alembic_lockplane.db.url import redact
from alembic_lockplane.errors import LockplaneError
from alembic_lockplane.integration import settings as settings_mod
from alembic_lockplane.integration.live import live_schema
from alembic_lockplane.integration.render import RevisionBody, render_body
from alembic_lockplane.integration.templates import revision_template
from alembic_lockplane.model.objects import Schema
from alembic_lockplane.plan.model import Finding, Plan

Directives = Callable[[Any, Any, list[Any]], None]


def revision(
    config: Config,
    message: str | None = None,
    *,
    head: str = "head",
    splice: bool = False,
    branch_label: Any = None,
    version_path: str | os.PathLike[str] | None = None,
    rev_id: str | None = None,
    depends_on: Any = None,
    allow: Collection[str] = (),
    process_revision_directives: Directives | None = None,
) -> Any:
    """Write a lockplane revision planned from "current" (the ``current`` setting: by default
    the database env.py connects to) to the desired schema.

    Returns what ``alembic.command.revision`` returns: the new ``Script``, or ``[]`` when
    the database already matches the desired schema (no file is written). Raises
    ``alembic.util.CommandError`` for anything the user must fix (not at head, blocked
    findings, a plan that fails on the shadow, bad settings).
    """
    try:
        settings = settings_mod.load(config)
    except LockplaneError as exc:
        raise _command_error(exc) from None
    planner = _Planner(settings, frozenset(allow) | frozenset(settings.allow))
    args: dict[str, Any] = dict(
        message=message,
        head=head,
        splice=splice,
        branch_label=branch_label,
        version_path=version_path,
        rev_id=rev_id,
        depends_on=depends_on,
    )
    if settings.current != "database":
        # replay / snapshot: no live database, so env.py is not run at all.
        try:
            current = _offline_current(config, settings)
            body = planner.plan(current)
        except LockplaneError as exc:
            raise _command_error(exc) from None
        if body is None:
            return []
        with _our_template(lambda: body):
            result = command.revision(config, **args)
        planner.write_plan_files(result)
        return result

    hook = _Hook(planner)

    def directives_hook(context: Any, rev: Any, directives: list[Any]) -> None:
        hook(context, rev, directives)
        if process_revision_directives is not None and directives:
            process_revision_directives(context, rev, directives)

    with _revision_environment(config), _our_template(lambda: hook.body):
        try:
            result = command.revision(config, process_revision_directives=directives_hook, **args)
        except sqlalchemy.exc.OperationalError as exc:  # env.py could not connect: one line
            first = (str(exc.orig or exc).strip().splitlines() or ["connection failed"])[0]
            raise CommandError(f"cannot use the database of env.py: {redact(first)}") from None
    if not hook.ran:
        raise CommandError(
            "env.py did not run migrations, so alembic-lockplane never saw the database; "
            "does env.py call context.run_migrations() in online mode?"
        )
    planner.write_plan_files(result)
    return result


def _offline_current(config: Config, s: settings_mod.Settings) -> Schema:
    if s.current == "replay":
        from alembic_lockplane.integration.replay import replayed_schema

        return replayed_schema(
            config,
            shadow_url=s.shadow_url,
            schemas=s.schemas,
            owners=s.manage_owners,
            privileges=s.manage_privileges,
        )
    from alembic_lockplane.engine import load_snapshot, without_privileges

    snapshot = load_snapshot(s.base_dir / s.current)
    return snapshot if s.manage_privileges else without_privileges(snapshot)


class _Planner:
    """Current -> desired: plan, report, policy, shadow validation, revision body."""

    def __init__(self, settings: settings_mod.Settings, allowed: frozenset[str]):
        self.settings = settings
        self.allowed = allowed
        self.made: tuple[Plan, Schema] | None = None

    def plan(self, current: Schema) -> RevisionBody | None:
        """The revision body, or ``None`` when there is nothing to do."""
        from alembic_lockplane.cli.report import blocking_findings, safety_report
        from alembic_lockplane.engine import load_desired, make_plan, rename_hints
        from alembic_lockplane.integration.validate import validate_on_shadow

        s = self.settings
        owners, privileges = s.manage_owners, s.manage_privileges
        desired = load_desired(
            s.schema_path,
            shadow_url=s.shadow_url,
            schemas=s.schemas,
            cwd=s.base_dir,
            owners=owners,
            privileges=privileges,
        )
        hints = rename_hints(s.schema_path, cwd=s.base_dir)  # "renamed from": docs/renames.md
        made = make_plan(
            current,
            desired,
            s.lock_safe,
            hints=hints,
            shadow_url=s.shadow_url,
            schemas=s.schemas,
            owners=owners,
            privileges=privileges,
        )
        plan = with_policy(made, s.blocking_level.rank)
        if not plan.steps:
            _say("No changes: the current schema matches the desired schema; no revision written.")
            return None
        _say(safety_report(plan, self.allowed).rstrip("\n"))
        blocked = blocking_findings(plan, self.allowed)
        if blocked:
            raise CommandError(_blocked_message(blocked, s.blocking_level.value))
        for note in validate_on_shadow(
            plan,
            current,
            desired,
            shadow_url=s.shadow_url,
            schemas=s.schemas,
            owners=owners,
            privileges=privileges,
        ):
            _say(f"Note: {note}")
        source = _display_path(s.schema_path, s.base_dir)
        self.made = (plan, current)
        return render_body(
            plan,
            schemas=s.schemas,
            source=source,
            lock_timeout=s.lock_timeout,
            owners=owners,
            privileges=privileges,
        )

    def write_plan_files(self, script: Any) -> None:
        """``<revision>.migration.json`` and ``.rollback.json`` beside the revision file."""
        path = getattr(script, "path", None)
        if not self.settings.plan_files or self.made is None or path is None:
            return
        from alembic_lockplane.fileio import write_atomic
        from alembic_lockplane.plan.planfile import plan_to_json
        from alembic_lockplane.plan.rollback import rollback_plan

        plan, current = self.made
        folder, stem = Path(path).parent, Path(path).stem
        write_atomic(folder / f"{stem}.migration.json", plan_to_json(plan))
        if all(step.rollback is not None for step in plan.steps):
            rollback = plan_to_json(rollback_plan(plan, current))
            write_atomic(folder / f"{stem}.rollback.json", rollback)


class _Hook:
    """The ``process_revision_directives`` callable: env.py's connection is "current"."""

    def __init__(self, planner: _Planner):
        self.planner = planner
        self.ran = False
        self.body: RevisionBody | None = None

    def __call__(self, context: Any, rev: Any, directives: list[Any]) -> None:
        if self.ran:
            raise CommandError("alembic revision --lockplane supports one database per env.py")
        self.ran = True
        script = context.script
        if set(script.get_revisions(rev)) != set(script.get_revisions("heads")):
            raise CommandError("Target database is not up to date.")
        if context.connection is None:
            raise CommandError("alembic revision --lockplane needs env.py to run online")
        try:
            s = self.planner.settings
            live = live_schema(
                context, s.schemas, owners=s.manage_owners, privileges=s.manage_privileges
            )
            self.body = self.planner.plan(live)
        except LockplaneError as exc:
            raise _command_error(exc) from None
        if self.body is None:
            directives[:] = []
            return
        # Hooks in env.py that drop "empty" revisions must see this one is not empty.
        migration = directives[0]
        migration.upgrade_ops.ops[:] = [ops.ExecuteSQLOp(sql) for sql in self.body.statements]


def with_policy(plan: Plan, blocking_rank: int) -> Plan:
    """Mark findings at or above the blocking level as blocking (the rules may mark more)."""

    def mark(f: Finding) -> Finding:
        return dataclasses.replace(f, blocking=f.blocking or f.level.rank >= blocking_rank)

    steps = tuple(
        dataclasses.replace(step, findings=tuple(mark(f) for f in step.findings))
        for step in plan.steps
    )
    return dataclasses.replace(plan, steps=steps)


def _blocked_message(blocked: list[Finding], level: str) -> str:
    codes = sorted({f.code for f in blocked})
    first = blocked[0]
    allow = " ".join(f"--allow {code}" for code in codes)
    return (
        f"revision blocked by {len(blocked)} finding(s) at or above '{level}': "
        f"{first.code}: {first.message.rstrip('.')}. Review, then rerun with {allow} "
        "(or list the codes under allow in the [lockplane] settings)"
    )


@contextmanager
def _our_template(body: Callable[[], RevisionBody | None]) -> Iterator[None]:
    """Render ``script.py.mako`` with our template while this command runs.

    ``ScriptDirectory.generate_revision`` renders ``<script_location>/script.py.mako``
    through ``_generate_template``; for the duration of our ``command.revision`` call, that
    one file name is swapped for our packaged template (other files are left alone), so a
    project keeps its own template for every other revision.
    """
    original = ScriptDirectory._generate_template

    def generate(self: ScriptDirectory, src: Path, dest: Path, **kw: Any) -> None:
        current = body()
        if Path(src).name != "script.py.mako" or current is None:
            original(self, src, dest, **kw)
            return
        # Written beside the destination, then renamed: an interrupted write never leaves a
        # half revision that `alembic upgrade` would import and run (Alembic writes in place).
        tmp = Path(dest).with_name(f".{Path(dest).name}.tmp")
        with alembic_util.status(f"Generating {Path(dest).absolute()}", **self.messaging_opts):
            try:
                alembic_util.template_to_file(
                    revision_template(), tmp, self.output_encoding, lockplane=current, **kw
                )
                with open(tmp, "rb+") as handle:
                    os.fsync(handle.fileno())
                os.replace(tmp, dest)
            finally:
                tmp.unlink(missing_ok=True)

    ScriptDirectory._generate_template = generate  # type: ignore[method-assign]
    try:
        yield
    finally:
        ScriptDirectory._generate_template = original  # type: ignore[method-assign]


@contextmanager
def _revision_environment(config: Config) -> Iterator[None]:
    """Make ``command.revision`` run env.py (as ``revision_environment = true`` does)."""
    section = config.config_ini_section
    previous = (
        config.file_config.get(section, "revision_environment")
        if config.file_config.has_option(section, "revision_environment")
        else None
    )
    config.set_main_option("revision_environment", "true")
    try:
        yield
    finally:
        if previous is None:
            config.remove_main_option("revision_environment")
        else:
            config.file_config.set(section, "revision_environment", previous)


def _display_path(path: Path | None, base: Path) -> str | None:
    if path is None:
        return None
    try:
        return path.relative_to(base).as_posix()
    except ValueError:
        return path.as_posix()


def _say(text: str) -> None:
    print(text, file=sys.stderr)


def _command_error(exc: LockplaneError) -> CommandError:
    hint = f" (hint: {exc.hint})" if exc.hint else ""
    return CommandError(f"{exc}{hint}")
