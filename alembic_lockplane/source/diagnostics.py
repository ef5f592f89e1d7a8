"""Diagnostics: one problem in a desired-schema file, in the shapes editors and humans read.

The JSON shape is the contract of ``lockplane-format.md`` (what Lockplane's editor plugins
consume): ``{"diagnostics": [...], "summary": {"errors", "warnings", "valid"}}``, pretty-printed
with a 2-space indent and a trailing newline. The text shape is the classic compiler line
``file:line:col: severity[code]: message (hint: ...)`` that editors and terminals turn into links.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

from alembic_lockplane.model.objects import Origin

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Diagnostic:
    """A problem at a 1-based line and column of ``file`` (as shown to the user)."""

    severity: Severity
    code: str
    message: str
    file: str
    line: int
    column: int
    hint: str | None = None

    @classmethod
    def at(
        cls, origin: Origin, severity: Severity, code: str, message: str, hint: str | None = None
    ) -> Diagnostic:
        return cls(severity, code, message, origin.file, origin.line, origin.column, hint)

    @property
    def origin(self) -> Origin:
        return Origin(self.file, self.line, self.column)

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


def as_errors(diags: Iterable[Diagnostic]) -> tuple[Diagnostic, ...]:
    """``--strict``: every warning becomes an error with the same code and message."""
    return tuple(replace(d, severity="error") for d in diags)


def display_path(path: Path, cwd: Path) -> str:
    """``path`` relative to ``cwd`` when inside it (forward slashes), else absolute."""
    absolute = path if path.is_absolute() else cwd / path
    try:
        return absolute.relative_to(cwd).as_posix()
    except ValueError:
        return absolute.as_posix()


def diagnostics_dict(diags: Sequence[Diagnostic]) -> dict[str, object]:
    items: list[dict[str, object]] = []
    for d in diags:
        item: dict[str, object] = {
            "severity": d.severity,
            "code": d.code,
            "message": d.message,
            "file": d.file,
            "line": d.line,
            "column": d.column,
        }
        if d.hint is not None:
            item["hint"] = d.hint
        items.append(item)
    errors = sum(1 for d in diags if d.is_error)
    return {
        "diagnostics": items,
        "summary": {"errors": errors, "warnings": len(diags) - errors, "valid": errors == 0},
    }


def diagnostics_json(diags: Sequence[Diagnostic]) -> str:
    """The diagnostics document of ``validate --output json``: pretty, trailing newline."""
    return json.dumps(diagnostics_dict(diags), indent=2, ensure_ascii=False) + "\n"


def format_text(diag: Diagnostic) -> str:
    """``schema/users.lp.sql:5:3: error[drop_statement]: message (hint: ...)``."""
    hint = f" (hint: {diag.hint})" if diag.hint else ""
    return (
        f"{diag.file}:{diag.line}:{diag.column}: {diag.severity}[{diag.code}]: {diag.message}{hint}"
    )
