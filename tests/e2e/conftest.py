from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

BIN = Path(sys.executable).parent


@pytest.fixture
def run_lockplane(tmp_path: Path):
    """Run the real ``lockplane`` executable in ``tmp_path`` with a clean environment."""

    def run(
        *args: str,
        env: dict[str, str] | None = None,
        cwd: Path | None = None,
        input: str | None = None,
    ) -> subprocess.CompletedProcess[str]:
        base = {
            k: v
            for k, v in os.environ.items()
            if k not in ("DATABASE_URL", "SHADOW_DATABASE_URL", "LOCKPLANE_SCHEMA_DIR")
        }
        base.update(env or {})
        return subprocess.run(
            [str(BIN / "lockplane"), *args],
            cwd=cwd or tmp_path,
            env=base,
            capture_output=True,
            text=True,
            input=input,
            timeout=300,
        )

    return run
