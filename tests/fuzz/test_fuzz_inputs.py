"""Fuzzing the readers in-process: every input loads or raises one-line ``LockplaneError``.

A fast sample (a few hundred inputs) of what ``benchmarks/fuzz.py`` runs by the ten thousand,
plus the inputs that were tracebacks before they were fixed, each as its own test.
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest
from fuzzlib import SEEDS, deep_json, deep_sql, generate, run_target
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alembic_lockplane import engine
from alembic_lockplane.errors import SnapshotError
from alembic_lockplane.model.lockplane_json import schema_from_lockplane
from alembic_lockplane.model.serde import schema_from_data
from alembic_lockplane.plan.planfile import plan_from_data, read_plan_file
from alembic_lockplane.source import read_source

FAST = settings(
    max_examples=50,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
SUFFIX = {"sql": ".lp.sql", "snapshot": ".json", "plan": ".json"}


def _run(tmp_path: Path, kind: str, name: str, data: bytes, how: str) -> str:
    path = tmp_path / f"input{SUFFIX[kind]}"
    path.write_bytes(data)
    outcome = run_target(kind, path)
    assert outcome.status != "bug", f"{kind} input made by {how} ({name}): {outcome.detail}"
    return outcome.status


@pytest.mark.parametrize("kind", ["sql", "snapshot", "plan"])
@FAST
@given(seed=st.integers(min_value=0, max_value=2**32 - 1))
def test_mutated_real_files_load_or_fail_in_one_line(tmp_path: Path, kind: str, seed: int) -> None:
    inp = generate(random.Random(seed), kind, allow_huge=False)
    _run(tmp_path, kind, inp.name, inp.data, inp.how)


@pytest.mark.parametrize("kind", ["sql", "snapshot", "plan"])
@FAST
@given(data=st.binary(max_size=2000))
def test_random_bytes(tmp_path: Path, kind: str, data: bytes) -> None:
    _run(tmp_path, kind, "random", data, "st.binary")


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(["name", "schema", "tables", "steps", "sql", "columns", "type", "x"])
            | st.text(max_size=8),
            children,
            max_size=4,
        )
    ),
    max_leaves=30,
)


@FAST
@given(value=JSON_VALUES)
def test_any_json_value_is_a_document_or_a_snapshot_error(value: Any) -> None:
    for reader in (schema_from_data, plan_from_data):
        try:
            reader(value)
        except SnapshotError as exc:
            assert "\n" not in str(exc)
    if isinstance(value, dict):
        try:
            schema_from_lockplane({"tables": [value]})
        except SnapshotError as exc:
            assert "\n" not in str(exc)


# ---------------------------------------------------------------- inputs that were tracebacks


@pytest.mark.parametrize("depth", [1_000, 100_000])
@pytest.mark.parametrize("kind", ["snapshot", "plan"])
def test_deeply_nested_json_is_one_error(tmp_path: Path, kind: str, depth: int) -> None:
    path = tmp_path / "deep.json"
    path.write_bytes(deep_json(depth, random.Random(depth)))
    reader = engine.load_snapshot if kind == "snapshot" else read_plan_file
    with pytest.raises(SnapshotError, match="nested too deeply"):
        reader(path)


def test_a_non_utf8_plan_file_names_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "migration.json"
    path.write_bytes(b'{"steps": [\n  {"description": "caf\xe9"}]}')
    with pytest.raises(SnapshotError) as caught:
        read_plan_file(path)
    assert str(caught.value) == f"{path}:2:23: byte 0xe9 is not valid UTF-8"


def test_invalid_json_in_a_plan_file_names_the_path_once(tmp_path: Path) -> None:
    path = tmp_path / "migration.json"
    path.write_text('{"steps": [}\n')
    with pytest.raises(SnapshotError) as caught:
        read_plan_file(path)
    assert str(caught.value) == f"{path}:1:12: invalid JSON: Expecting value"


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-32"])
def test_snapshots_and_plans_with_a_bom_load(tmp_path: Path, encoding: str) -> None:
    """What Windows editors and PowerShell 5's ``>`` write (UTF-16 with a BOM)."""
    for name, reader in (("blog.json", engine.load_snapshot), ("migration.json", read_plan_file)):
        path = tmp_path / name
        path.write_bytes((SEEDS / name).read_text("utf-8").encode(encoding))
        assert reader(path) == reader(SEEDS / name)


def test_utf16_without_a_bom_is_an_error_with_a_hint_about_the_encoding(tmp_path: Path) -> None:
    path = tmp_path / "current.json"
    path.write_bytes((SEEDS / "blog.json").read_text("utf-8").encode("utf-16-le"))
    with pytest.raises(SnapshotError, match=r"current.json:1:2: invalid JSON") as caught:
        engine.load_snapshot(path)
    assert caught.value.hint == "the file holds NUL bytes: if it is UTF-16, save it as UTF-8"


def test_a_lone_surrogate_escape_is_refused_with_its_json_path(tmp_path: Path) -> None:
    data = json.loads((SEEDS / "blog.json").read_text("utf-8"))
    data["tables"][0]["name"] = "\ud800"
    path = tmp_path / "current.json"
    path.write_text(json.dumps(data))
    with pytest.raises(SnapshotError, match=r"\$\.tables\[0\]\.name: invalid Unicode"):
        engine.load_snapshot(path)


def test_a_4301_digit_number_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "current.json"
    path.write_text('{"format": "alembic-lockplane/schema/1", "x": ' + "9" * 4301 + "}")
    with pytest.raises(SnapshotError, match="invalid JSON"):
        engine.load_snapshot(path)


@pytest.mark.parametrize("key", ["foreign_keys", "indexes", "policies"])
@pytest.mark.parametrize("value", [1, 2.5, True, "x", {"a": 1}])
def test_lockplane_lists_of_the_wrong_type_name_the_path(key: str, value: object) -> None:
    data = {"tables": [{"name": "t", "columns": [], key: value}]}
    with pytest.raises(SnapshotError, match=rf"\$\.tables\[0\]\.{key}: expected list"):
        schema_from_lockplane(data)


def test_deeply_nested_sql_gets_diagnostics_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "deep.lp.sql"
    path.write_bytes(deep_sql(20_000))
    parsed = read_source([path], cwd=tmp_path)
    assert len(parsed.statements) == 1


def test_a_huge_snapshot_loads(tmp_path: Path) -> None:
    """1,000 tables: loads, and plans against itself to nothing."""
    table = json.loads((SEEDS / "blog.json").read_text("utf-8"))["tables"][0]
    tables = [{**table, "name": f"t{i}"} for i in range(1_000)]
    path = tmp_path / "current.json"
    path.write_text(json.dumps({"format": "alembic-lockplane/schema/1", "tables": tables}))
    schema = engine.load_snapshot(path)
    assert len(schema.tables) == 1_000
    assert engine.make_plan(schema, schema).steps == ()


@pytest.mark.parametrize(
    ("where", "entry", "message"),
    [
        ("policies", {"name": "p", "using": {"a": 1}}, r"policies\[0\]\.using: expected str"),
        ("policies", {"name": "p", "command": "explode"}, r"policies\[0\]\.command: expected one"),
        ("foreign_keys", {"name": "f", "columns": ["a"], "referenced_table": "t",
                          "referenced_columns": ["a"], "on_delete": "explode"},
         r"foreign_keys\[0\]\.on_delete: expected one"),
    ],
)  # fmt: skip
def test_lockplane_values_that_reached_the_planner_are_refused_at_load(
    where: str, entry: dict[str, object], message: str
) -> None:
    """A dict as policy ``using`` was an unhashable-type traceback in the planner."""
    with pytest.raises(SnapshotError, match=message):
        schema_from_lockplane({"tables": [{"name": "t", "columns": [], where: [entry]}]})


def test_lockplane_actions_and_commands_in_any_case_still_load() -> None:
    fk = {"name": "f", "columns": ["a"], "referenced_table": "t", "referenced_columns": ["a"],
          "on_delete": "set  null"}  # fmt: skip
    policy = {"name": "p", "command": "select"}
    schema = schema_from_lockplane(
        {"tables": [{"name": "t", "columns": [], "foreign_keys": [fk], "policies": [policy]}]}
    )
    (table,) = schema.tables
    assert table.constraints[0].references is not None
    assert table.constraints[0].references.on_delete == "SET NULL"
    assert table.policies[0].command == "SELECT"
