"""The ``lockplane`` command: argument parsing and the error edge.

Every user mistake leaves as one ``error:`` line (plus a hint) and exit 1; usage errors
exit 2; ``--debug`` shows tracebacks. Passwords in URLs are masked in everything printed.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from alembic_lockplane import __version__
from alembic_lockplane.db.url import redact
from alembic_lockplane.errors import LockplaneError, UsageError


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        sys.stderr.write(f"error: {redact(message)}\n")
        raise SystemExit(2)


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--debug", action="store_true", help="show tracebacks")
    p.add_argument("--environment", "--env", help="environment of lockplane.toml to use")
    p.add_argument("--shadow-db", help="server for scratch databases (default: embedded)")
    p.add_argument("--shadow-schema", help=argparse.SUPPRESS)
    p.add_argument(
        "--owners",
        action="store_const",
        const=True,
        default=None,
        help="compare and plan object owners (setting: manage_owners)",
    )
    p.add_argument(
        "--no-privileges",
        dest="privileges",
        action="store_const",
        const=False,
        default=None,
        help="leave GRANT/REVOKE out of reads and plans (setting: manage_privileges = false)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="lockplane", description="Declarative PostgreSQL schema plans.")
    parser.add_argument("--version", action="version", version=f"lockplane {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True

    p = sub.add_parser("introspect", help="print the schema of a database as JSON")
    _common(p)
    p.add_argument("--db", help="database URL (default: DATABASE_URL)")
    p.add_argument("--schema", action="append", default=[], help="schema to include (repeatable)")
    p.add_argument("--format", choices=["json", "sql"], default="json")
    p.add_argument("--output", "-o", help="write to this file instead of stdout")

    p = sub.add_parser("validate", help="check a desired schema or a plan file")
    _common(p)
    vsub = p.add_subparsers(dest="what", metavar="WHAT", parser_class=_Parser)
    vsub.required = True
    vs = vsub.add_parser("schema", help="check .lp.sql files (or a JSON snapshot)")
    _common(vs)
    vs.add_argument("path", nargs="?", help="file or folder (default: auto-detect)")
    vs.add_argument("--output", choices=["text", "json"], default="text")
    vs.add_argument("--format", dest="output", choices=["text", "json"], help=argparse.SUPPRESS)
    vs.add_argument("--strict", action="store_true", help="treat warnings as errors")
    vs.add_argument("--schema", action="append", default=[], help=argparse.SUPPRESS)
    vp = vsub.add_parser("plan", help="check a plan file")
    _common(vp)
    vp.add_argument("file")

    p = sub.add_parser("plan", help="plan the steps from one schema to another")
    _common(p)
    p.add_argument("--from", dest="source", help="database URL, JSON snapshot, .lp.sql or folder")
    p.add_argument("--to", dest="target", help="database URL, JSON snapshot, .lp.sql or folder")
    p.add_argument(
        "--validate",
        "--check-schema",
        action="store_true",
        help="exit 1 on blocking findings (or, without --from/--to, check the schema)",
    )
    p.add_argument(
        "--output",
        choices=["text", "json"],
        default="text",
        help="format of diagnostics when validating",
    )
    p.add_argument("--format", choices=["json", "sql"], default="json", help="plan output format")
    p.add_argument(
        "--allow",
        action="append",
        default=[],
        metavar="CODE",
        help="accept findings with this code (repeatable)",
    )
    p.add_argument("--schema", action="append", default=[], help="schema to include (repeatable)")
    p.add_argument("--db", help=argparse.SUPPRESS)
    p.add_argument(
        "--no-lock-safe",
        dest="lock_safe",
        action="store_false",
        help="plain DDL on existing tables: no CONCURRENTLY, NOT VALID + VALIDATE, ... steps",
    )

    for name in ("rollback", "plan-rollback"):
        p = sub.add_parser(name, help="the rollback plan of a plan file")
        _common(p)
        p.add_argument("--plan", required=True, help="the forward plan (migration.json)")
        p.add_argument(
            "--from",
            dest="source",
            required=True,
            help="the schema the plan was made from (current.json, URL, .lp.sql)",
        )
        p.add_argument("--schema", action="append", default=[], help=argparse.SUPPRESS)

    p = sub.add_parser("apply", help="apply a plan (or a desired schema) to a database")
    _common(p)
    p.add_argument("plan_file", nargs="?", metavar="PLAN", help="plan file (migration.json)")
    p.add_argument("--plan", dest="plan_flag", help="plan file (same as the positional PLAN)")
    p.add_argument(
        "--schema",
        dest="schema_path",
        help="schema mode: plan from the database to this .lp.sql file or folder",
    )
    p.add_argument("--db", help="target database URL (default: DATABASE_URL)")
    p.add_argument("--skip-shadow", action="store_true", help="skip the dry-run on the shadow")
    p.add_argument(
        "--dry-run",
        action="store_true",
        help="only the dry-run on the shadow; never touch the target",
    )
    p.add_argument("--auto-approve", action="store_true", help="schema mode: do not ask")
    p.add_argument(
        "--allow",
        action="append",
        default=[],
        metavar="CODE",
        help="schema mode: accept blocking findings with this code",
    )
    p.add_argument("--lock-timeout", default="5s", help="per-step lock_timeout (default 5s)")
    p.add_argument("--statement-timeout", help="per-step statement_timeout (default: none)")
    p.add_argument(
        "--lock-wait",
        type=float,
        default=30.0,
        help="seconds to wait for another apply to finish (default 30)",
    )

    p = sub.add_parser("convert", help="convert between .lp.sql and JSON")
    _common(p)
    p.add_argument("--input", "-i", required=True)
    p.add_argument("--output", "-o", help="output file (default: stdout)")
    p.add_argument("--to", choices=["json", "sql"], help="output format (default: by extension)")
    p.add_argument("--schema", action="append", default=[], help=argparse.SUPPRESS)

    p = sub.add_parser("check", help="CI: do the Alembic revisions produce the desired schema?")
    _common(p)
    p.add_argument("--config", "-c", default="alembic.ini", help="Alembic config (alembic.ini)")
    p.add_argument(
        "--roundtrip",
        action="store_true",
        help="also run every downgrade to base and the upgrades again",
    )

    p = sub.add_parser("init", help="create an Alembic project wired for lockplane")
    _common(p)
    p.add_argument("directory")

    p = sub.add_parser("demo", help="run the whole job on the embedded server")
    _common(p)
    p.add_argument("--keep", help="keep the demo project in this folder")
    return parser


def main(argv: Sequence[str] | None = None) -> None:
    parser = build_parser()
    args = parser.parse_args(argv)
    from alembic_lockplane.cli import commands

    try:
        code = commands.dispatch(args)
    except UsageError as exc:
        _print_error(exc)
        raise SystemExit(2) from None
    except LockplaneError as exc:
        if args.debug:
            raise
        _print_error(exc)
        raise SystemExit(1) from None
    except Exception as exc:  # a bug of ours: still one line unless --debug
        if args.debug:
            raise
        sys.stderr.write(
            f"error: internal error: {type(exc).__name__}: {redact(str(exc))}\n"
            "hint: rerun with --debug for the traceback and report it\n"
        )
        raise SystemExit(1) from None
    except KeyboardInterrupt:
        sys.stderr.write("error: interrupted\n")
        raise SystemExit(130) from None
    raise SystemExit(code)


def _print_error(exc: LockplaneError) -> None:
    sys.stderr.write(f"error: {redact(str(exc))}\n")
    if exc.hint:
        sys.stderr.write(f"hint: {redact(exc.hint)}\n")
