"""The fuzzing toolkit shared by the fuzz tests and ``benchmarks/fuzz.py``.

Three parts, so that the fast test sample and the 10,000-input benchmark exercise exactly the
same code:

- *mutators*: byte-level (truncation, random bytes, splices, NULs, wrong encodings, huge
  files, deep nesting) and JSON-level (wrong types, unknown keys, missing keys, duplicated
  items, hostile strings) changes of real seed files (``seeds/``);
- *targets*: the library entry points a user's input reaches (``source.read_source``,
  ``engine.load_snapshot``, ``plan.planfile.read_plan_file``, and what the CLI does next with a
  loaded input: ``make_plan``, ``plan_to_json``, ``rollback_plan``, convert to SQL);
- *the contract*: a target either succeeds or raises ``LockplaneError`` (the CLI prints that as
  one ``error:`` line); anything else is a bug. For the CLI, ``check_cli_output`` checks the
  printed shape: exit 0, or exit 1 with only diagnostics / warnings and then exactly one
  ``error: ...`` line and at most one ``hint: ...`` line, never a traceback or
  ``internal error``.
"""

from __future__ import annotations

import copy
import json
import random
import re
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SEEDS = Path(__file__).parent / "seeds"

# Tokens that break lexers and parsers: quotes and their escapes, comment openers, dollar
# quotes, PostgreSQL's unicode escapes, JSON structure, huge and odd numbers.
SQL_TOKENS = [
    "'",
    '"',
    "$$",
    "$a$",
    "/*",
    "*/",
    "--",
    ";",
    "E'\\",
    'U&"',
    "U&'\\",
    "\\",
    "(",
    ")",
    "\x00",
    "\r",
    "\r\n",
    "\t",
    "\u2028",
    "\ufeff",
    "é",
    "日本",
    "\U0001f600",
    "\udcff",
    "BEGIN",
    "COMMIT",
    "DROP TABLE x",
    "CREATE OR REPLACE",
    "IF NOT EXISTS",
    "INSERT INTO",
    "CREATE FUNCTION f() RETURNS int BEGIN ATOMIC",
    "END",
    "DO $$",
    "COPY",
    "\\.",
    "CREATE TABLE",
    "ALTER TABLE",
    "1e999",
    "9" * 40,
    "::",
    "[",
    "]",
    "{",
    "}",
]
JSON_TOKENS = [
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    '"',
    "\\",
    "\\u",
    "\\ud800",
    "null",
    "true",
    "NaN",
    "Infinity",
    "-",
    "1e999",
    "-0",
    "9" * 400,
    "\x00",
    "\ufeff",
    "/*",
    "é",
]
HOSTILE_STRINGS = [
    "",
    " ",
    "x" * 70,
    "a" * 10_000,
    "Robert'); DROP TABLE students;--",
    'we"ird',
    "it's",
    "select",
    "user",
    "ŝćhéma",
    "\U0001f600",
    "a.b",
    "$1",
    "\x00",
    "\udcff",
    "\n",
    "NaN",
    "public",
    "pg_catalog",
    "-- comment",
    "/*",
    "$$",
]
WRONG_VALUES: list[Any] = [
    None,
    True,
    False,
    0,
    -1,
    1.5,
    2**70,
    -(2**70),
    "",
    "x",
    [],
    {},
    [None],
    {"x": 1},
    float("inf"),
    "1",
    ["a", 1],
]


# --------------------------------------------------------------------------- byte mutators


def _truncate(rng: random.Random, data: bytes) -> bytes:
    return data[: rng.randrange(len(data) + 1)]


def _random_bytes(rng: random.Random, data: bytes) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        if not out:
            out.append(rng.randrange(256))
            continue
        out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out)


def _insert_bytes(rng: random.Random, data: bytes) -> bytes:
    at = rng.randrange(len(data) + 1)
    return data[:at] + rng.randbytes(rng.randint(1, 32)) + data[at:]


def _delete_range(rng: random.Random, data: bytes) -> bytes:
    if not data:
        return data
    a = rng.randrange(len(data))
    return data[:a] + data[a + rng.randint(1, 64) :]


def _splice(rng: random.Random, data: bytes) -> bytes:
    if not data:
        return data
    a, b = sorted(rng.randrange(len(data) + 1) for _ in range(2))
    at = rng.randrange(len(data) + 1)
    return data[:at] + data[a:b] + data[at:]


def _encodings(rng: random.Random, data: bytes) -> bytes:
    text = data.decode("utf-8", "replace")
    if rng.random() < 0.5:  # make sure there is something non-ASCII to mis-encode
        at = rng.randrange(len(text) + 1)
        text = text[:at] + rng.choice(["é", "ü", "€", "日本"]) + text[at:]
    choice = rng.randrange(7)
    if choice == 0:
        return text.encode("latin-1", "replace")
    if choice == 1:
        return text.encode("utf-16")  # with BOM
    if choice == 2:
        return text.encode("utf-16-le")  # without BOM
    if choice == 3:
        return text.encode("utf-16-be")
    if choice == 4:
        return b"\xef\xbb\xbf" + text.encode("utf-8")  # UTF-8 with BOM
    if choice == 5:
        return text.encode("utf-32")
    return text.encode("cp1252", "replace")


def _nul(rng: random.Random, data: bytes) -> bytes:
    at = rng.randrange(len(data) + 1)
    return data[:at] + b"\x00" * rng.randint(1, 4) + data[at:]


def _line_endings(rng: random.Random, data: bytes) -> bytes:
    return data.replace(b"\n", rng.choice([b"\r\n", b"\r", b"\n\n", b"\x0b", b""]))


def _make_token_inserter(tokens: list[str]) -> Callable[[random.Random, bytes], bytes]:
    def insert(rng: random.Random, data: bytes) -> bytes:
        at = rng.randrange(len(data) + 1)
        return data[:at] + rng.choice(tokens).encode("utf-8", "surrogatepass") + data[at:]

    return insert


BYTE_MUTATORS: dict[str, Callable[[random.Random, bytes], bytes]] = {
    "truncate": _truncate,
    "random_bytes": _random_bytes,
    "insert_bytes": _insert_bytes,
    "delete_range": _delete_range,
    "splice": _splice,
    "encoding": _encodings,
    "nul": _nul,
    "line_endings": _line_endings,
}


def huge(data: bytes, size: int) -> bytes:
    """``data`` repeated up to about ``size`` bytes (a huge, otherwise plausible file)."""
    return data * max(1, size // max(1, len(data)))


def deep_json(depth: int, rng: random.Random) -> bytes:
    """Nesting far beyond what a recursive decoder or printer can take."""
    open_, close = rng.choice([("[", "]"), ('{"a":', "}")])
    return (open_ * depth + "1" + close * depth).encode()


def deep_sql(depth: int) -> bytes:
    check = "(" * depth + "c > 0" + ")" * depth
    return f"CREATE TABLE t (c int CHECK ({check}));\n".encode()


# --------------------------------------------------------------------------- JSON mutators


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _paths(value, (*prefix, i))


def _get(node: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        node = node[part]
    return node


def mutate_data(
    rng: random.Random, data: Any, rounds: int = 1, *, keep_types: bool = False
) -> tuple[Any, str]:
    """A JSON document changed at random places: wrong types, odd strings, missing, unknown and
    duplicated entries. Returns the new document and the names of the mutations applied.

    ``keep_types`` changes values only within their JSON type (hostile strings, odd numbers,
    duplicated, dropped and shuffled list items), so most results still load and go on to
    the planner, where type-correct but surprising content can hurt.
    """
    data = copy.deepcopy(data)
    applied: list[str] = []
    for _ in range(rounds):
        paths = list(_paths(data))
        path = rng.choice(paths)
        kind = rng.choice([1, 4, 5, 6]) if keep_types else rng.randrange(7)
        if not path:
            data = rng.choice(WRONG_VALUES) if kind == 0 else data
            applied.append("root")
            continue
        parent = _get(data, path[:-1])
        last = path[-1]
        current = parent[last]
        if kind == 0:
            parent[last] = copy.deepcopy(rng.choice(WRONG_VALUES))
            applied.append("wrong_type")
        elif kind == 1:
            if isinstance(current, str) or (not keep_types and rng.random() < 0.3):
                parent[last] = rng.choice(HOSTILE_STRINGS)
                applied.append("hostile_string")
            elif isinstance(current, int) and not isinstance(current, bool):
                parent[last] = rng.choice([0, -1, 2**31, 2**63, -(2**63) - 1, 10**30])
                applied.append("odd_number")
            else:
                parent[last] = copy.deepcopy(current)
                applied.append("noop")
        elif kind == 2 and isinstance(parent, dict):
            del parent[last]
            applied.append("missing_key")
        elif kind == 3 and isinstance(current, dict):
            current[rng.choice(["extra", "Name", "__proto__", "format", "tables"])] = rng.choice(
                WRONG_VALUES
            )
            applied.append("unknown_key")
        elif kind == 4 and isinstance(current, list) and current:
            current.append(copy.deepcopy(rng.choice(current)))
            applied.append("duplicate_item")
        elif kind == 5 and isinstance(current, list) and current:
            del current[rng.randrange(len(current))]
            applied.append("drop_item")
        elif kind == 6 and isinstance(current, list) and len(current) > 1:
            rng.shuffle(current)
            applied.append("shuffle")
        elif not keep_types:
            parent[last] = copy.deepcopy(rng.choice(WRONG_VALUES))
            applied.append("wrong_type")
    return data, "+".join(applied)


def json_bytes(rng: random.Random, data: Any) -> bytes:
    """Serialise, sometimes compactly, sometimes with non-JSON constants Python allows."""
    text = json.dumps(data, indent=rng.choice([None, 2]), ensure_ascii=rng.random() < 0.5)
    return text.encode("utf-8", "surrogatepass")


# --------------------------------------------------------------------------- inputs


@dataclass(frozen=True)
class FuzzInput:
    """One input: the bytes of a file named ``name`` (its suffix selects the reader)."""

    kind: str  # "sql", "snapshot", "plan"
    name: str
    data: bytes
    how: str  # which mutation made it, for the failure report


def seed_bytes(kind: str) -> list[tuple[str, bytes]]:
    files = {
        "sql": ["blog.lp.sql"],
        "snapshot": ["blog.json", "lockplane.json"],
        "plan": ["migration.json", "rollback.json"],
    }[kind]
    return [(name, (SEEDS / name).read_bytes()) for name in files]


def extra_sql_seeds() -> list[tuple[str, bytes]]:
    """The desired schemas of the planner's test cases: real, varied ``.lp.sql`` text."""
    cases = Path(__file__).parent.parent / "cases"
    return sorted((f"{p.parent.name}.lp.sql", p.read_bytes()) for p in cases.glob("*/desired.sql"))


def generate(rng: random.Random, kind: str, *, allow_huge: bool = True) -> FuzzInput:
    seeds = seed_bytes(kind) + (extra_sql_seeds() if kind == "sql" else [])
    name, data = rng.choice(seeds)
    suffix = ".lp.sql" if kind == "sql" else ".json"
    roll = rng.random()
    if allow_huge and roll < 0.02:
        # the static pass tokenizes in pure Python (about 10 s per MB): big, not absurd, for SQL
        size = rng.choice([200_000, 400_000] if kind == "sql" else [1_000_000, 8_000_000])
        return FuzzInput(kind, f"in{suffix}", huge(data, size), f"{name}:huge{size}")
    if roll < 0.04:
        depth = rng.choice([1_000, 100_000])
        out = deep_sql(depth) if kind == "sql" else deep_json(depth, rng)
        return FuzzInput(kind, f"in{suffix}", out, f"deep{depth}")
    if kind != "sql" and roll < 0.55:
        keep = rng.random() < 0.5
        doc, how = mutate_data(rng, json.loads(data), rng.randint(1, 4), keep_types=keep)
        out = json_bytes(rng, doc)
        if rng.random() < 0.2:
            out = rng.choice(list(BYTE_MUTATORS.values()))(rng, out)
            how += "+bytes"
        return FuzzInput(kind, f"in{suffix}", out, f"{name}:{how}")
    tokens = SQL_TOKENS if kind == "sql" else JSON_TOKENS
    mutators = [*BYTE_MUTATORS.items(), ("token", _make_token_inserter(tokens))]
    out = data
    hows = []
    for _ in range(rng.randint(1, 3)):
        label, mutator = rng.choice(mutators)
        out = mutator(rng, out)
        hows.append(label)
    return FuzzInput(kind, f"in{suffix}", out, f"{name}:{'+'.join(hows)}")


# --------------------------------------------------------------------------- targets


@dataclass(frozen=True)
class Outcome:
    """``ok`` (valid result), ``error`` (a LockplaneError: one line at the CLI) or ``bug``."""

    status: str
    detail: str = ""


def run_target(kind: str, path: Path, *, downstream: bool = True) -> Outcome:
    """Feed the file at ``path`` to the library entry point for ``kind`` and, when it loads,
    to what the CLI does next with it. Never raises."""
    from alembic_lockplane.errors import LockplaneError

    try:
        if kind == "sql":
            _target_sql(path)
        elif kind == "snapshot":
            _target_snapshot(path, downstream)
        else:
            _target_plan(path, downstream)
    except LockplaneError as exc:
        text = str(exc)
        if "\n" in text or "\n" in (exc.hint or ""):
            return Outcome("bug", f"multi-line error: {text!r}")
        return Outcome("error", text)
    except RecursionError:
        return Outcome("bug", "RecursionError")
    except Exception as exc:
        tb = traceback.format_exc(limit=-6)
        return Outcome("bug", f"{type(exc).__name__}: {exc}\n{tb}")
    return Outcome("ok")


def _target_sql(path: Path) -> None:
    from alembic_lockplane.source import format_text, read_source

    parsed = read_source([path], cwd=path.parent)
    for diag in parsed.diagnostics:
        if diag.line < 1 or diag.column < 1:
            raise AssertionError(f"diagnostic without a position: {diag}")
        if "\n" in format_text(diag):
            raise AssertionError(f"multi-line diagnostic: {format_text(diag)!r}")
    for statement in parsed.statements:
        origin = statement.origin
        if origin.line < 1 or origin.column < 1:
            raise AssertionError(f"statement without a position: {origin}")


def _target_snapshot(path: Path, downstream: bool) -> None:
    from alembic_lockplane import engine
    from alembic_lockplane.model.objects import Schema
    from alembic_lockplane.model.serde import canonical_hash, schema_to_json
    from alembic_lockplane.plan.planfile import plan_to_json, plan_to_sql_script

    schema = engine.load_snapshot(path)
    if not downstream:
        return
    schema_to_json(schema)
    canonical_hash(schema)
    # what `plan --from empty --to X`, `plan --from X --to empty` and `convert --to sql` do
    empty = Schema()
    for a, b in ((empty, schema), (schema, empty), (schema, schema)):
        plan = engine.make_plan(a, b)
        plan_to_json(plan)
        plan_to_sql_script(plan)


def _target_plan(path: Path, downstream: bool) -> None:
    from alembic_lockplane.model.objects import Schema
    from alembic_lockplane.plan.planfile import plan_to_json, plan_to_sql_script, read_plan_file
    from alembic_lockplane.plan.rollback import rollback_plan

    plan = read_plan_file(path)
    if not downstream:
        return
    plan_to_json(plan)
    plan_to_sql_script(plan)
    plan_to_json(rollback_plan(plan, Schema()))


# --------------------------------------------------------------------------- CLI contract

_DIAGNOSTIC = re.compile(r"^.+:\d+:\d+: (error|warning)\[[a-z0-9_]+\]: .+$")
_REPORT = re.compile(r"^(\s+\d+\. |\d+ steps?: |No changes|Schema is valid|Plan is valid|\s)")


def check_cli_output(code: int, stdout: str, stderr: str, secrets: tuple[str, ...] = ()) -> str:
    """The problem with one CLI run's output, or "" when it keeps the contract."""
    for secret in secrets:
        if secret in stdout or secret in stderr:
            return "a secret was printed"
    if "Traceback" in stderr or "internal error" in stderr:
        return "traceback or internal error: " + stderr[-2000:]
    if code == 0:
        return ""
    if code != 1:
        return f"exit code {code}"
    lines = stderr.splitlines()
    errors = [i for i, line in enumerate(lines) if line.startswith("error: ")]
    if not errors:  # `validate schema`: compiler-style diagnostic lines are the whole answer
        if lines and all(_DIAGNOSTIC.match(line) for line in lines):
            return ""
        return f"exit 1 without an error line: {stderr[-2000:]!r}"
    if len(errors) != 1:
        return f"{len(errors)} error lines: {stderr[-2000:]!r}"
    tail = lines[errors[0] + 1 :]
    if tail and not (len(tail) == 1 and tail[0].startswith("hint: ")):
        return f"more than one error line and a hint: {stderr[-2000:]!r}"
    for line in lines[: errors[0]]:  # before the error: warnings and the safety report only
        if not (_DIAGNOSTIC.match(line) or _REPORT.match(line) or not line.strip()):
            return f"unexpected line before the error: {line!r}"
    return ""


# --------------------------------------------------------------------------- settings files

SEED_TOML = b"""default_environment = "local"
schema_path = "schema.lp.sql"
schemas = ["public", "app"]

[environments.local]
database_url = "postgresql://me:pw@127.0.0.1:1/app"
shadow_database_url = "postgresql://me@127.0.0.1:1/shadow"
schemas = "public, app"
"""
SEED_INI = b"[alembic]\nsqlalchemy.url = postgresql://me:pw@127.0.0.1:1/x\n[lockplane]\n"
SEED_DOTENV = b'export DATABASE_URL="postgresql://me:pw@127.0.0.1:1/app"\n# comment\nX=1\n'
CONFIG_VALUES = [b"5", b"true", b"[1, 2]", b'"x"', b"{ a = 1 }", b"[[environments]]", b"1e999"]


def mutate_config(rng: random.Random, data: bytes) -> bytes:
    """Settings text with values of the wrong type and byte-level damage."""
    for _ in range(rng.randint(1, 3)):
        if rng.random() < 0.4:
            lines = data.split(b"\n")
            i = rng.randrange(len(lines))
            key = lines[i].split(b"=")[0]
            lines[i] = key + b"= " + rng.choice(CONFIG_VALUES)
            data = b"\n".join(lines)
        else:
            data = rng.choice(list(BYTE_MUTATORS.values()))(rng, data)
    return data


# --------------------------------------------------------------------------- CLI runs

CLI_COMMANDS = ("validate", "plan_from", "plan_to", "rollback", "convert_sql", "convert_json")


def cli_argv(command: str, kind: str, path: Path, workdir: Path) -> list[str] | None:
    """The ``lockplane`` arguments that feed ``path`` (of ``kind``) to ``command``; None when
    the command takes no input of that kind."""
    seed_snapshot = str(SEEDS / "blog.json")
    seed_plan = str(SEEDS / "migration.json")
    p = str(path)
    if kind == "plan":
        return {
            "validate": ["validate", "plan", p],
            "rollback": ["rollback", "--plan", p, "--from", seed_snapshot],
        }.get(command)
    table = {
        "validate": ["validate", "schema", p],
        "plan_from": ["plan", "--from", p, "--to", seed_snapshot],
        "plan_to": ["plan", "--from", seed_snapshot, "--to", p],
        "rollback": ["rollback", "--plan", seed_plan, "--from", p],
        "convert_sql": ["convert", "-i", p, "--to", "sql"],
        "convert_json": ["convert", "-i", p, "-o", str(workdir / "out.json")],
    }
    return table.get(command)


def run_cli_in_process(argv: list[str]) -> tuple[int, str, str]:
    """``lockplane argv`` in this process: (exit code, stdout, stderr)."""
    import contextlib
    import io

    from alembic_lockplane.cli.main import main

    out, err = io.StringIO(), io.StringIO()
    code = 0
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            main(argv)
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
    return code, out.getvalue(), err.getvalue()
