"""Command handlers: resolve settings, call the engine, print machine output to stdout."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from alembic_lockplane import engine
from alembic_lockplane.cli.report import blocking_findings, safety_report
from alembic_lockplane.db.url import is_database_url
from alembic_lockplane.errors import LockplaneError, PlanError, SchemaSourceError, UsageError
from alembic_lockplane.fileio import write_atomic
from alembic_lockplane.model.objects import Schema
from alembic_lockplane.plan.model import Plan
from alembic_lockplane.settings import Flags, Settings, require_database_url, resolve
from alembic_lockplane.source import Diagnostic, diagnostics_json, format_text, is_sql_source


def _settings(args: argparse.Namespace) -> Settings:
    flags = Flags(
        database_url=getattr(args, "db", None),
        shadow_database_url=getattr(args, "shadow_db", None),
        shadow_schema=getattr(args, "shadow_schema", None),
        schemas=tuple(getattr(args, "schema", []) or ()),
        environment=getattr(args, "environment", None),
        manage_owners=getattr(args, "owners", None),
        manage_privileges=getattr(args, "privileges", None),
    )
    return resolve(flags, os.environ, Path.cwd())


def _emit(text: str, output: str | None) -> None:
    if output:
        try:
            write_atomic(Path(output), text)
        except OSError as exc:
            raise LockplaneError(f"cannot write {output}: {exc.strerror or exc}") from None
    else:
        sys.stdout.write(text)
        sys.stdout.flush()


def _schema_sql(schema: Schema) -> str:
    """DDL that recreates ``schema`` in a fresh database (which already has ``public``)."""
    from alembic_lockplane.plan.planfile import plan_to_sql_script

    baseline = Schema(namespaces=tuple(n for n in schema.namespaces if n.name == "public"))
    return plan_to_sql_script(engine.make_plan(baseline, schema))


def _print_warning(diag: Diagnostic) -> None:
    sys.stderr.write(format_text(diag) + "\n")


def _load(value: str, settings: Settings) -> Schema:
    return engine.load_input(
        value,
        shadow_url=settings.shadow_database_url,
        schemas=settings.schemas,
        cwd=Path.cwd(),
        on_warning=_print_warning,
        owners=settings.manage_owners,
        privileges=settings.manage_privileges,
    )


def cmd_introspect(args: argparse.Namespace) -> int:
    from alembic_lockplane.model.serde import schema_to_json

    settings = _settings(args)
    schema = engine.introspect_url(
        require_database_url(settings),
        settings.schemas,
        owners=settings.manage_owners,
        privileges=settings.manage_privileges,
    )
    _emit(schema_to_json(schema) if args.format == "json" else _schema_sql(schema), args.output)
    return 0


def _desired_path(settings: Settings, given: str | None) -> Path | None:
    if given:
        return Path(given)
    return settings.schema_path


def cmd_validate_schema(args: argparse.Namespace) -> int:
    settings = _settings(args)
    path = _desired_path(settings, args.path)
    if path is not None and not is_sql_source(path) and path.suffix.lower() == ".json":
        engine.load_snapshot(path)
        diags: tuple[Diagnostic, ...] = ()
    else:
        warnings: list[Diagnostic] = []
        try:
            engine.load_desired(
                path,
                shadow_url=settings.shadow_database_url,
                schemas=settings.schemas,
                cwd=Path.cwd(),
                strict=args.strict,
                on_warning=lambda d: warnings.append(d),
            )
            diags = tuple(warnings)
        except SchemaSourceError as exc:
            if args.output != "json" and not exc.diagnostics:
                raise
            diags = exc.diagnostics or (_diagnostic_from_error(exc),)
    if args.output == "json":
        sys.stdout.write(diagnostics_json(list(diags)))
    else:
        for diag in diags:
            sys.stderr.write(format_text(diag) + "\n")
        if not any(d.severity == "error" for d in diags):
            sys.stderr.write("Schema is valid.\n")
    return 1 if any(d.severity == "error" for d in diags) else 0


def _diagnostic_from_error(exc: SchemaSourceError) -> Diagnostic:
    origin = exc.origin
    return Diagnostic(
        severity="error",
        code="postgres_error",
        message=exc.message,
        file=origin.file if origin else "",
        line=origin.line if origin else 0,
        column=origin.column if origin else 0,
        hint=exc.hint,
    )


def cmd_validate_plan(args: argparse.Namespace) -> int:
    from alembic_lockplane.plan.planfile import read_plan_file

    plan = read_plan_file(Path(args.file))
    sys.stderr.write(f"Plan is valid: {len(plan.steps)} steps.\n")
    return 0


def cmd_plan(args: argparse.Namespace) -> int:
    from alembic_lockplane.plan.planfile import plan_to_json, plan_to_sql_script

    settings = _settings(args)
    if args.source is None and args.target is None:
        if not args.validate:
            raise UsageError("plan needs --from and --to", hint="or use `plan --validate` in CI")
        args.path, args.strict = None, False
        return cmd_validate_schema(args)
    source = args.source or settings.database_url
    target = args.target or (str(settings.schema_path) if settings.schema_path else None)
    if source is None or target is None:
        raise UsageError("plan needs both --from and --to (or DATABASE_URL / a schema path)")
    current = _load(source, settings)
    desired = _load(target, settings)
    plan = engine.make_plan(
        current,
        desired,
        lock_safe=args.lock_safe,
        hints=engine.input_hints(target, cwd=Path.cwd()),
        shadow_url=settings.shadow_database_url,
        schemas=settings.schemas,
        owners=settings.manage_owners,
        privileges=settings.manage_privileges,
    )
    sys.stderr.write(safety_report(plan, args.allow))
    if args.format == "sql":
        sys.stdout.write(plan_to_sql_script(plan))
    else:
        sys.stdout.write(plan_to_json(plan))
    if args.validate and blocking_findings(plan, args.allow):
        raise PlanError(
            "the plan has blocking findings",
            hint="review them, then pass --allow CODE for each accepted code",
        )
    return 0


def cmd_rollback(args: argparse.Namespace) -> int:
    from alembic_lockplane.plan.planfile import plan_to_json, read_plan_file
    from alembic_lockplane.plan.rollback import rollback_plan

    settings = _settings(args)
    plan = read_plan_file(Path(args.plan))
    current = _load(args.source, settings)
    sys.stdout.write(plan_to_json(rollback_plan(plan, current)))
    return 0


def _plan_for_apply(args: argparse.Namespace, settings: Settings, db_url: str) -> Plan:
    from alembic_lockplane.plan.planfile import read_plan_file

    plan_path = args.plan_file or args.plan_flag
    if plan_path and args.plan_file and args.plan_flag:
        raise UsageError("give the plan either as PLAN or as --plan, not both")
    if plan_path and args.schema_path:
        raise UsageError("give either a plan file or --schema, not both")
    if plan_path:
        if plan_path.lower().endswith(".sql"):
            raise UsageError(
                f"{plan_path} is SQL, not a plan",
                hint="make a plan with `lockplane plan --from ... --to "
                f"{plan_path} > migration.json`, or use `lockplane apply --schema {plan_path}`",
            )
        return read_plan_file(Path(plan_path))
    schema_path = args.schema_path or settings.schema_path
    if schema_path is None and not args.schema_path:
        raise UsageError("apply needs a plan file or --schema PATH")
    current = engine.introspect_url(
        db_url,
        settings.schemas,
        owners=settings.manage_owners,
        privileges=settings.manage_privileges,
    )
    desired_path = Path(schema_path) if schema_path else None
    desired = engine.load_desired(
        desired_path,
        shadow_url=settings.shadow_database_url,
        schemas=settings.schemas,
        cwd=Path.cwd(),
        on_warning=_print_warning,
        owners=settings.manage_owners,
        privileges=settings.manage_privileges,
    )
    plan = engine.make_plan(
        current,
        desired,
        hints=engine.rename_hints(desired_path, cwd=Path.cwd()),
        shadow_url=settings.shadow_database_url,
        schemas=settings.schemas,
        owners=settings.manage_owners,
        privileges=settings.manage_privileges,
    )
    sys.stderr.write(safety_report(plan, args.allow))
    blocked = blocking_findings(plan, args.allow)
    if blocked:
        raise PlanError(
            "the plan has blocking findings: " + ", ".join(sorted({f.code for f in blocked})),
            hint="review them, then pass --allow CODE for each accepted code",
        )
    if plan.steps and not args.auto_approve and not args.dry_run:
        if not sys.stdin.isatty():
            raise UsageError(
                "refusing to apply without confirmation",
                hint="run in a terminal to answer the prompt, or pass --auto-approve",
            )
        sys.stderr.write("Apply these steps? Type 'yes' to continue: ")
        sys.stderr.flush()
        if sys.stdin.readline().strip() != "yes":
            raise LockplaneError("cancelled: nothing was applied")
    return plan


def cmd_apply(args: argparse.Namespace) -> int:
    from alembic_lockplane.apply import apply_plan

    settings = _settings(args)
    db_url = require_database_url(settings)
    plan = _plan_for_apply(args, settings, db_url)
    result = apply_plan(
        plan,
        db_url=db_url,
        shadow_url=settings.shadow_database_url,
        skip_shadow=args.skip_shadow,
        dry_run=args.dry_run,
        schemas=settings.schemas or None,
        manage_owners=settings.manage_owners,
        manage_privileges=settings.manage_privileges,
        lock_timeout=args.lock_timeout,
        statement_timeout=args.statement_timeout,
        advisory_wait=args.lock_wait,
    )
    out: dict[str, object] = {"success": True, "steps_applied": result.steps_applied}
    if result.dry_run:
        out["dry_run"] = True
    sys.stdout.write(json.dumps(out, indent=2) + "\n")
    return 0


def cmd_convert(args: argparse.Namespace) -> int:
    from alembic_lockplane.model.serde import schema_to_json

    settings = _settings(args)
    target = args.to
    if target is None:
        target = "sql" if args.output and args.output.lower().endswith(".sql") else "json"
    if is_database_url(args.input):
        raise UsageError("convert reads files; use `lockplane introspect` for a database")
    schema = _load(args.input, settings)
    _emit(schema_to_json(schema) if target == "json" else _schema_sql(schema), args.output)
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from alembic.config import Config

    from alembic_lockplane.integration.check import check
    from alembic_lockplane.plan.planfile import plan_to_json

    ini = Path(args.config)
    if not ini.is_file():
        raise UsageError(f"{ini}: no such Alembic config", hint="run in the project or pass -c")
    missing = check(Config(str(ini)), roundtrip=args.roundtrip)
    if not missing.steps:
        sys.stderr.write("The revisions produce the desired schema.\n")
        return 0
    sys.stderr.write("The desired schema has changes no revision makes (missing plan on stdout):\n")
    sys.stderr.write(safety_report(missing))
    sys.stdout.write(plan_to_json(missing))
    sys.stderr.write('hint: run `alembic revision --lockplane -m "..."` and commit it\n')
    return 1


def cmd_init(args: argparse.Namespace) -> int:
    from alembic_lockplane.integration import init_project

    init_project(Path(args.directory))
    sys.stderr.write(f"Created an Alembic project wired for lockplane in {args.directory}\n")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from alembic_lockplane.cli.demo import run_demo

    return run_demo(keep=Path(args.keep) if args.keep else None)


def dispatch(args: argparse.Namespace) -> int:
    handlers = {
        "introspect": cmd_introspect,
        "plan": cmd_plan,
        "rollback": cmd_rollback,
        "plan-rollback": cmd_rollback,
        "convert": cmd_convert,
        "apply": cmd_apply,
        "init": cmd_init,
        "check": cmd_check,
        "demo": cmd_demo,
    }
    if args.command == "validate":
        return cmd_validate_schema(args) if args.what == "schema" else cmd_validate_plan(args)
    return handlers[args.command](args)


__all__ = ["dispatch"]
