"""The safety report names each step's lock and whether it rewrites or scans the table."""

from __future__ import annotations

from alembic_lockplane.cli.report import safety_report
from alembic_lockplane.plan.model import Plan, Safety, Step


def test_report_shows_lock_and_table_work_under_each_step() -> None:
    plan = Plan(
        "a",
        "b",
        (
            Step("Rename table people to persons", ("x",), lock="ACCESS EXCLUSIVE"),
            Step(
                "Create index i (concurrently)",
                ("y",),
                transactional=False,
                lock="SHARE UPDATE EXCLUSIVE",
                scans=True,
            ),
            Step(
                "Alter type of column n",
                ("z",),
                safety=Safety.REVIEW,
                lock="ACCESS EXCLUSIVE",
                rewrites=True,
                scans=True,
            ),
            Step("Create table t", ("w",)),
        ),
    )
    assert safety_report(plan).splitlines()[:7] == [
        "  1. safe       Rename table people to persons",
        "                lock: ACCESS EXCLUSIVE, catalog only",
        "  2. safe       Create index i (concurrently)  [outside transaction]",
        "                lock: SHARE UPDATE EXCLUSIVE, scans the table",
        "  3. review     Alter type of column n",
        "                lock: ACCESS EXCLUSIVE, rewrites the table",
        "  4. safe       Create table t",
    ]
