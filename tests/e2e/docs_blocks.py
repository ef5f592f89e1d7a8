"""Shell blocks of our Markdown pages, and a runner that executes them like a reader would.

A block is a fenced ```sh / ```bash / ```shell / ```console block. A marker comment on the line
before the fence changes how it runs:

- ``<!-- docs-test: skip ... -->``: not run (e.g. commands that create a venv from a clone);
- ``<!-- docs-test: exit N -->``: must exit with status N (a refusal the page shows on purpose).

``console`` blocks run only their ``$ `` lines. All blocks of a page run in one bash process, in
order, so ``cd`` and ``export`` carry over as in a terminal.
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

SHELLS = {"sh", "bash", "shell", "console"}
_FENCE = re.compile(r"^(`{3,})\s*([\w+-]*)\s*$")
_MARKER = re.compile(r"^<!--\s*docs-test:\s*(skip|exit\s+(\d+))\b.*-->\s*$")


@dataclass(frozen=True)
class Block:
    file: Path
    line: int  # 1-based line of the opening fence
    lang: str
    code: str
    skip: bool
    expect_exit: int

    @property
    def where(self) -> str:
        return f"{self.file.name}:{self.line}"


def shell_blocks(path: Path) -> list[Block]:
    """Every shell block of ``path``, in order, with its marker applied."""
    lines = path.read_text(encoding="utf-8").splitlines()
    blocks: list[Block] = []
    i = 0
    while i < len(lines):
        fence = _FENCE.match(lines[i])
        if not fence:
            i += 1
            continue
        ticks, lang, start = fence.group(1), fence.group(2).lower(), i
        i += 1
        body: list[str] = []
        while i < len(lines) and lines[i].strip() != ticks:
            body.append(lines[i])
            i += 1
        i += 1
        if lang not in SHELLS:
            continue
        prev = next((ln for ln in reversed(lines[:start]) if ln.strip()), "")
        marker = _MARKER.match(prev.strip())
        skip = bool(marker and marker.group(1) == "skip")
        expect = int(marker.group(2)) if marker and marker.group(2) else 0
        if lang == "console":
            body = [ln[2:] for ln in body if ln.startswith("$ ")]
        blocks.append(Block(path, start + 1, lang, "\n".join(body) + "\n", skip, expect))
    return blocks


def script_for(blocks: list[Block]) -> str:
    """One bash script running the non-skipped blocks in order, each announced on stderr."""
    parts = ["set -euo pipefail"]
    for block in blocks:
        if block.skip:
            continue
        parts.append(f"printf '\\n### docs-test block %s\\n' '{block.where}' >&2")
        if block.expect_exit == 0:
            parts.append(block.code)
            continue
        parts.append(
            f"set +e\n( set -e\n{block.code})\nrc=$?\nset -e\n"
            f'if [ "$rc" != {block.expect_exit} ]; then\n'
            f"  echo 'docs-test: block {block.where} exited '$rc', expected "
            f"{block.expect_exit}' >&2; exit 99\nfi"
        )
    return "\n".join(parts) + "\n"


def run_blocks(
    blocks: list[Block], cwd: Path, *, database_url: str, shadow_url: str, bin_dir: Path
) -> subprocess.CompletedProcess[str]:
    """Run ``blocks`` in ``cwd`` with the test server as both target and shadow."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DATABASE_URL", "SHADOW_DATABASE_URL", "LOCKPLANE_SCHEMA_DIR", "VIRTUAL_ENV")
    }
    env.update(
        DATABASE_URL=database_url,
        SHADOW_DATABASE_URL=shadow_url,
        PATH=f"{bin_dir}{os.pathsep}{env.get('PATH', '')}",
    )
    return subprocess.run(
        ["bash", "-c", script_for(blocks)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
