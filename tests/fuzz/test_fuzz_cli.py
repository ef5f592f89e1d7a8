"""Fuzzed files through the ``lockplane`` command: exit 0, or exit 1 with one ``error:`` line
(and at most one ``hint:``), never a traceback or ``internal error``.

Most runs call the CLI's ``main`` in this process (the same argparse, handlers and error edge,
a hundred times faster); a sample runs the real executable.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
from pathlib import Path

import pytest
from fuzzlib import CLI_COMMANDS, check_cli_output, cli_argv, generate, run_cli_in_process

BIN = Path(sys.executable).parent / "lockplane"
SUFFIX = {"sql": ".lp.sql", "snapshot": ".json", "plan": ".json"}


def _cases(count: int, seed: int, kinds: tuple[str, ...]) -> list[tuple[str, str, int]]:
    rng = random.Random(seed)
    out = []
    while len(out) < count:
        kind = rng.choice(kinds)
        command = rng.choice(CLI_COMMANDS)
        if cli_argv(command, kind, Path("x"), Path(".")) is not None:
            out.append((kind, command, rng.randrange(2**32)))
    return out


@pytest.mark.parametrize(("kind", "command", "seed"), _cases(100, 11, ("snapshot", "plan")))
def test_cli_in_process_on_fuzzed_json(tmp_path: Path, kind: str, command: str, seed: int) -> None:
    inp = generate(random.Random(seed), kind, allow_huge=False)
    path = tmp_path / f"input{SUFFIX[kind]}"
    path.write_bytes(inp.data)
    argv = cli_argv(command, kind, path, tmp_path)
    assert argv is not None
    code, out, err = run_cli_in_process(argv)
    problem = check_cli_output(code, out, err)
    assert not problem, f"lockplane {' '.join(argv)} on input made by {inp.how}: {problem}"


@pytest.mark.parametrize(("kind", "command", "seed"), _cases(6, 12, ("sql",)))
def test_cli_in_process_on_fuzzed_sql(
    tmp_path: Path, pg_server: str, kind: str, command: str, seed: int
) -> None:
    """Through the shadow when the static pass accepts the mutant."""
    inp = generate(random.Random(seed), kind, allow_huge=False)
    path = tmp_path / "input.lp.sql"
    path.write_bytes(inp.data)
    argv = cli_argv(command, kind, path, tmp_path)
    assert argv is not None
    code, out, err = run_cli_in_process([*argv, "--shadow-db", pg_server])
    problem = check_cli_output(code, out, err)
    assert not problem, f"lockplane {' '.join(argv)} on input made by {inp.how}: {problem}"


@pytest.mark.parametrize(("kind", "command", "seed"), _cases(4, 13, ("snapshot", "plan")))
def test_real_executable_on_fuzzed_json(tmp_path: Path, kind: str, command: str, seed: int) -> None:
    inp = generate(random.Random(seed), kind, allow_huge=False)
    path = tmp_path / f"input{SUFFIX[kind]}"
    path.write_bytes(inp.data)
    argv = cli_argv(command, kind, path, tmp_path)
    assert argv is not None
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "SHADOW_DATABASE_URL")}
    result = subprocess.run(
        [str(BIN), *argv], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120
    )
    problem = check_cli_output(result.returncode, result.stdout, result.stderr)
    assert not problem, f"lockplane {' '.join(argv)} on input made by {inp.how}: {problem}"


def test_the_contract_checker_catches_what_it_should() -> None:
    """The oracle of this suite, checked on outputs it must refuse."""
    assert check_cli_output(0, "{}", "") == ""
    assert check_cli_output(1, "", "error: x\nhint: y\n") == ""
    assert check_cli_output(1, "", "a.lp.sql:1:2: error[syntax_error]: bad\n") == ""
    assert check_cli_output(1, "", "Traceback (most recent call last):\n")
    assert check_cli_output(1, "", "error: internal error: KeyError: 'x'\n")
    assert check_cli_output(1, "", "error: a\nerror: b\n")
    assert check_cli_output(1, "", "error: a\nhint: b\nmore\n")
    assert check_cli_output(1, "", "something went wrong\n")
    assert check_cli_output(2, "", "error: x\n")
    assert check_cli_output(0, "postgresql://u:pw@h/db", "", secrets=("pw",))
