"""Plan <-> JSON (``migration.json``, ``rollback.json``) and plan -> SQL script.

Written as the compatibility page says: pretty, 2-space indent, trailing newline, ``sql``
always an array of statements without semicolons. Read leniently, so Lockplane's (Go)
plan files load too: ``sql`` may be a string, every key of ours is optional. Errors name
the JSON path of the first problem.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from alembic_lockplane.errors import SnapshotError
from alembic_lockplane.fileio import read_json_file
from alembic_lockplane.plan.model import Finding, Plan, Safety, Step, lock_summary
from alembic_lockplane.render.transactions import step_runs_in_transaction

FORMAT = "alembic-lockplane/plan/1"


def plan_to_data(plan: Plan) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "source_hash": plan.source_hash,
        "target_hash": plan.target_hash,
        "steps": [_step_to_data(s) for s in plan.steps],
    }


def _step_to_data(step: Step) -> dict[str, Any]:
    return {
        "description": step.description,
        "sql": list(step.sql),
        "safety": step.safety.value,
        "findings": [
            {
                "code": f.code,
                "level": f.level.value,
                "message": f.message,
                "hint": f.hint,
                "blocking": f.blocking,
            }
            for f in step.findings
        ],
        "transactional": step.transactional,
        "rollback": None if step.rollback is None else list(step.rollback),
        "lock": step.lock,
        "rewrites": step.rewrites,
        "scans": step.scans,
    }


def plan_to_json(plan: Plan) -> str:
    return json.dumps(plan_to_data(plan), indent=2, ensure_ascii=False) + "\n"


def plan_from_json(text: str, *, source: str = "plan") -> Plan:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SnapshotError(
            f"{source}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from None
    return plan_from_data(data)


def read_plan_file(path: Path) -> Plan:
    data = read_json_file(path)
    try:
        return plan_from_data(data)
    except SnapshotError as exc:
        raise SnapshotError(f"{path}: {exc.message}", hint=exc.hint) from None


def plan_from_data(data: Any) -> Plan:
    obj = _object(data, "$")
    fmt = obj.get("format")
    if fmt is not None and fmt != FORMAT:
        raise SnapshotError(f"$.format: expected {FORMAT!r}, got {fmt!r}")
    steps = obj.get("steps")
    if not isinstance(steps, list):
        raise SnapshotError(f"$.steps: expected array, got {_kind(steps)}")
    return Plan(
        source_hash=_opt_str(obj, "source_hash", "$") or "",
        target_hash=_opt_str(obj, "target_hash", "$") or "",
        steps=tuple(_step(s, f"$.steps[{i}]") for i, s in enumerate(steps)),
    )


def _step(data: Any, path: str) -> Step:
    obj = _object(data, path)
    for key in ("description", "sql"):
        if key not in obj:
            raise SnapshotError(f"{path}.{key}: required key is missing")
    description = obj.get("description")
    if not isinstance(description, str):
        raise SnapshotError(f"{path}.description: expected string, got {_kind(description)}")
    sql = _statements(obj.get("sql"), f"{path}.sql", required=True)
    assert sql is not None
    safety = _safety(obj.get("safety", "safe"), f"{path}.safety")
    findings = obj.get("findings", [])
    if not isinstance(findings, list):
        raise SnapshotError(f"{path}.findings: expected array, got {_kind(findings)}")
    transactional = obj.get("transactional")
    if transactional is None:
        transactional = step_runs_in_transaction(sql)
    elif not isinstance(transactional, bool):
        raise SnapshotError(f"{path}.transactional: expected boolean, got {_kind(transactional)}")
    return Step(
        description=description,
        sql=sql,
        safety=safety,
        findings=tuple(
            _finding(f, f"{path}.findings[{i}]", safety) for i, f in enumerate(findings)
        ),
        transactional=transactional,
        rollback=_statements(obj.get("rollback"), f"{path}.rollback", required=False),
        lock=_opt_str(obj, "lock", path),
        rewrites=_opt_bool(obj, "rewrites", path),
        scans=_opt_bool(obj, "scans", path),
    )


def _finding(data: Any, path: str, step_level: Safety) -> Finding:
    obj = _object(data, path)
    fields: dict[str, str] = {}
    for key in ("code", "message", "hint"):
        value = obj.get(key, "" if key == "hint" else None)
        if not isinstance(value, str):
            raise SnapshotError(f"{path}.{key}: expected string, got {_kind(value)}")
        fields[key] = value
    blocking = obj.get("blocking", False)
    if not isinstance(blocking, bool):
        raise SnapshotError(f"{path}.blocking: expected boolean, got {_kind(blocking)}")
    level = _safety(obj.get("level", step_level.value), f"{path}.level")
    return Finding(fields["code"], level, fields["message"], fields["hint"], blocking)


def _statements(value: Any, path: str, *, required: bool) -> tuple[str, ...] | None:
    """An array of statements, or one string; trailing semicolons are dropped."""
    if value is None and not required:
        return None
    if isinstance(value, str):
        return (_strip(value),)
    if not isinstance(value, list):
        raise SnapshotError(f"{path}: expected string or array of strings, got {_kind(value)}")
    out: list[str] = []
    for i, item in enumerate(value):
        if not isinstance(item, str):
            raise SnapshotError(f"{path}[{i}]: expected string, got {_kind(item)}")
        out.append(_strip(item))
    return tuple(out)


def _strip(statement: str) -> str:
    return statement.strip().removesuffix(";").rstrip()


def _safety(value: Any, path: str) -> Safety:
    allowed = [s.value for s in Safety]
    if value not in allowed:
        raise SnapshotError(f"{path}: expected one of {allowed}, got {value!r}")
    return Safety(value)


def _object(data: Any, path: str) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise SnapshotError(f"{path}: expected object, got {_kind(data)}")
    return data


def _opt_str(obj: dict[str, Any], key: str, path: str) -> str | None:
    value = obj.get(key)
    if value is not None and not isinstance(value, str):
        raise SnapshotError(f"{path}.{key}: expected string, got {_kind(value)}")
    return value


def _opt_bool(obj: dict[str, Any], key: str, path: str) -> bool:
    value = obj.get(key, False)
    if not isinstance(value, bool):
        raise SnapshotError(f"{path}.{key}: expected boolean, got {_kind(value)}")
    return value


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    for tp, name in ((bool, "boolean"), (int, "integer"), (float, "number"), (str, "string")):
        if isinstance(value, tp):
            return name
    return "array" if isinstance(value, list) else "object"


def plan_to_sql_script(plan: Plan) -> str:
    """A runnable script: each step's statements with semicolons, under a comment naming
    the step; steps that must run outside a transaction block say so."""
    lines = [
        "-- Plan generated by alembic-lockplane",
        f"-- source_hash: {plan.source_hash}",
        f"-- target_hash: {plan.target_hash}",
    ]
    for number, step in enumerate(plan.steps, start=1):
        lines.append("")
        title = " ".join(step.description.split())  # one comment line, whatever the names
        lines.append(f"-- Step {number}: {title} [{step.safety.value}]")
        if not step.transactional:
            lines.append("-- NON-TRANSACTIONAL: run outside a transaction block")
        if step.lock:
            lines.append(f"-- lock: {lock_summary(step)}")
        lines += [f"{statement};" for statement in step.sql]
    return "\n".join(lines) + "\n"
