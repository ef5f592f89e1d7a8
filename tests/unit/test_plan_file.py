"""Plan JSON: our exact layout, Lockplane's files read back, errors that name the path."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from alembic_lockplane.errors import PlanError, SnapshotError
from alembic_lockplane.model.objects import (
    Column,
    Constraint,
    ConstraintKind,
    ForeignKeyTarget,
    Index,
    Schema,
    Table,
)
from alembic_lockplane.model.serde import canonical_hash
from alembic_lockplane.plan.build import PlanContext, build_plan
from alembic_lockplane.plan.model import Finding, Plan, Safety, Step
from alembic_lockplane.plan.planfile import (
    FORMAT,
    plan_from_data,
    plan_from_json,
    plan_to_data,
    plan_to_json,
    plan_to_sql_script,
)
from alembic_lockplane.plan.rollback import rollback_plan

EMPTY = Schema()
USERS = Schema(tables=(Table("public", "users", (Column("id", "integer"),)),))
WITH_AGE = Schema(
    tables=(Table("public", "users", (Column("id", "integer"), Column("age", "integer"))),)
)

PK = Constraint("parent_pkey", ConstraintKind.PRIMARY_KEY, "PRIMARY KEY (id)", ("id",))
CHILD_FK = Constraint(
    "child_p_fkey",
    ConstraintKind.FOREIGN_KEY,
    "FOREIGN KEY (p) REFERENCES public.parent(id)",
    ("p",),
    references=ForeignKeyTarget("public", "parent", ("id",)),
)
INDEX = Index("public", "parent_id", "parent", "CREATE INDEX parent_id ON public.parent (id)")

STEP = Step(
    description="Add column age to table users",
    sql=("ALTER TABLE public.users ADD COLUMN age integer",),
    safety=Safety.REVIEW,
    findings=(Finding("some_rule", Safety.REVIEW, "What happens.", "Do this instead.", True),),
    transactional=True,
    rollback=("ALTER TABLE public.users DROP COLUMN age",),
    lock="ACCESS EXCLUSIVE",
)
PLAN = Plan("a" * 64, "b" * 64, (STEP,))


def test_plan_json_layout_is_exact() -> None:
    assert plan_to_json(PLAN) == (
        "{\n"
        f'  "format": "{FORMAT}",\n'
        f'  "source_hash": "{"a" * 64}",\n'
        f'  "target_hash": "{"b" * 64}",\n'
        '  "steps": [\n'
        "    {\n"
        '      "description": "Add column age to table users",\n'
        '      "sql": [\n'
        '        "ALTER TABLE public.users ADD COLUMN age integer"\n'
        "      ],\n"
        '      "safety": "review",\n'
        '      "findings": [\n'
        "        {\n"
        '          "code": "some_rule",\n'
        '          "level": "review",\n'
        '          "message": "What happens.",\n'
        '          "hint": "Do this instead.",\n'
        '          "blocking": true\n'
        "        }\n"
        "      ],\n"
        '      "transactional": true,\n'
        '      "rollback": [\n'
        '        "ALTER TABLE public.users DROP COLUMN age"\n'
        "      ],\n"
        '      "lock": "ACCESS EXCLUSIVE",\n'
        '      "rewrites": false,\n'
        '      "scans": false\n'
        "    }\n"
        "  ]\n"
        "}\n"
    )


def test_round_trip() -> None:
    plan = build_plan(EMPTY, WITH_AGE)
    assert plan_from_json(plan_to_json(plan)) == plan
    assert plan_from_json(plan_to_json(PLAN)) == PLAN


def test_reads_lockplane_plan_with_string_sql_and_no_extras() -> None:
    data = {
        "source_hash": "",
        "steps": [
            {"description": "Create table posts", "sql": "CREATE TABLE posts (id integer);"},
            {"description": "Add enum value", "sql": ["ALTER TYPE mood ADD VALUE 'x'"]},
        ],
    }
    plan = plan_from_data(data)
    assert plan.source_hash == "" and plan.target_hash == ""
    first, second = plan.steps
    assert first.sql == ("CREATE TABLE posts (id integer)",)
    assert first.safety is Safety.SAFE and first.findings == () and first.rollback is None
    assert first.transactional is True
    assert second.transactional is False  # PostgreSQL < 12 refuses it in a transaction


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], "$: expected object, got array"),
        ({"steps": {}}, "$.steps: expected array, got object"),
        ({"steps": [{"sql": []}]}, "$.steps[0].description: required key is missing"),
        ({"steps": [{"description": "x", "sql": 3}]}, "$.steps[0].sql: expected string or array"),
        ({"steps": [{"description": "x", "sql": ["a", 1]}]}, "$.steps[0].sql[1]: expected string"),
        ({"steps": [{"description": "x", "sql": [], "safety": "meh"}]}, "$.steps[0].safety"),
        (
            {"steps": [{"description": "x", "sql": [], "findings": [{"code": 1}]}]},
            "$.steps[0].findings[0].code: expected string, got integer",
        ),
        ({"format": "other/1", "steps": []}, "$.format: expected"),
    ],
)
def test_errors_name_the_json_path(data: object, message: str) -> None:
    with pytest.raises(SnapshotError) as err:
        plan_from_data(data)
    assert str(err.value).startswith(message)


def test_rewrites_and_scans_round_trip_and_default_to_false() -> None:
    step = Step("Validate constraint c", ("ALTER TABLE t VALIDATE CONSTRAINT c",), scans=True)
    rewrite = Step("Alter type of column a", ("ALTER TABLE t ALTER a TYPE bigint",), rewrites=True)
    plan = Plan("s", "t", (step, rewrite))
    data = plan_to_data(plan)
    assert [(s["rewrites"], s["scans"]) for s in data["steps"]] == [(False, True), (True, False)]
    assert plan_from_json(plan_to_json(plan)) == plan
    older = plan_from_data({"steps": [{"description": "x", "sql": ["SELECT 1"]}]})
    assert (older.steps[0].rewrites, older.steps[0].scans) == (False, False)
    with pytest.raises(SnapshotError, match=r"\$.steps\[0\].scans: expected boolean"):
        plan_from_data({"steps": [{"description": "x", "sql": [], "scans": "yes"}]})


def test_invalid_json_is_a_snapshot_error() -> None:
    with pytest.raises(SnapshotError, match="not valid JSON"):
        plan_from_json("{", source="migration.json")


def test_sql_script_marks_non_transactional_steps() -> None:
    step = Step(
        "Add value 'b' to type m", ("ALTER TYPE public.m ADD VALUE 'b'",), transactional=False
    )
    script = plan_to_sql_script(Plan("s", "t", (STEP, step)))
    assert script.splitlines() == [
        "-- Plan generated by alembic-lockplane",
        "-- source_hash: s",
        "-- target_hash: t",
        "",
        "-- Step 1: Add column age to table users [review]",
        "-- lock: ACCESS EXCLUSIVE, catalog only",
        "ALTER TABLE public.users ADD COLUMN age integer;",
        "",
        "-- Step 2: Add value 'b' to type m [safe]",
        "-- NON-TRANSACTIONAL: run outside a transaction block",
        "ALTER TYPE public.m ADD VALUE 'b';",
    ]


def test_build_plan_hashes_steps_and_findings() -> None:
    seen: list[PlanContext] = []

    def assess(change: object, ctx: PlanContext) -> list[Finding]:
        seen.append(ctx)
        return [Finding("x", Safety.LOSSY, "m", "h"), Finding("y", Safety.REVIEW, "m", "h")]

    plan = build_plan(EMPTY, WITH_AGE, assess=assess)  # type: ignore[arg-type]
    assert plan.source_hash == canonical_hash(EMPTY)
    assert plan.target_hash == canonical_hash(WITH_AGE)
    (step,) = plan.steps
    assert step.description == "Create table users"
    assert step.safety is Safety.LOSSY
    assert step.rollback == ("DROP TABLE public.users",)
    assert seen[0].created_tables == frozenset({("public", "users")})


def test_empty_diff_is_an_empty_plan() -> None:
    assert build_plan(USERS, USERS).steps == ()


def test_rollback_plan_reverses_steps_and_swaps_hashes() -> None:
    plan = build_plan(USERS, WITH_AGE)
    back = rollback_plan(plan, USERS)
    assert back.source_hash == plan.target_hash
    assert back.target_hash == plan.source_hash
    assert [s.description for s in back.steps] == ["Rollback: Add column age to table users"]
    assert back.steps[0].sql == ("ALTER TABLE public.users DROP COLUMN age",)
    assert back.steps[0].rollback == plan.steps[0].sql


def test_rollback_plan_refuses_irreversible_steps_by_name() -> None:
    plan = Plan("", "", (STEP, Step("Run a data fix", ("UPDATE t SET a = 1",), rollback=None)))
    with pytest.raises(PlanError, match=r"step 2 \(Run a data fix\) has no rollback"):
        rollback_plan(plan, EMPTY)


def test_rollback_plan_refuses_another_schema() -> None:
    plan = build_plan(USERS, WITH_AGE)
    with pytest.raises(PlanError, match="not made from this schema"):
        rollback_plan(plan, EMPTY)


def test_rollback_of_read_back_plan_keeps_order() -> None:
    plan = plan_from_json(plan_to_json(build_plan(EMPTY, WITH_AGE)))
    data = json.loads(plan_to_json(rollback_plan(plan, EMPTY)))
    assert [s["sql"] for s in data["steps"]] == [["DROP TABLE public.users"]]


def test_steps_state_the_lock_they_take_on_existing_tables_only() -> None:
    # the plain renderings (lock-safe strategies off: tests/unit/test_strategies.py)
    parent = Table("public", "parent", (Column("id", "integer", not_null=True),), (PK,))
    child = Table("public", "child", (Column("p", "integer"),), (CHILD_FK,))
    current = Schema(tables=(parent,))
    desired = Schema(tables=(replace(parent, comment="p"), child))
    locks = {s.description: s.lock for s in build_plan(current, desired, lock_safe=False).steps}
    assert locks == {
        "Create table child": None,
        # the new table is invisible, but the referenced one is locked against writes
        "Add constraint child_p_fkey to table child": "SHARE ROW EXCLUSIVE",
        "Set comment on table parent": "SHARE UPDATE EXCLUSIVE",
    }
    plan = build_plan(
        Schema(tables=(parent, replace(child, constraints=()))), desired, lock_safe=False
    )
    assert [s.lock for s in plan.steps] == ["SHARE ROW EXCLUSIVE", "SHARE UPDATE EXCLUSIVE"]
    plan = build_plan(current, Schema(tables=(parent,), indexes=(INDEX,)), lock_safe=False)
    assert [s.lock for s in plan.steps] == ["SHARE"]
    plan = build_plan(Schema(tables=(parent,), indexes=(INDEX,)), current, lock_safe=False)
    assert [s.lock for s in plan.steps] == ["ACCESS EXCLUSIVE"]
