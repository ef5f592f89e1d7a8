"""The exception hierarchy. The CLI edge turns a ``LockplaneError`` into one line + exit 1."""

from __future__ import annotations

from typing import Any

from alembic_lockplane.model.objects import Origin


class LockplaneError(Exception):
    """A problem the user can fix. ``hint`` says how; ``origin`` says where, if anywhere."""

    def __init__(self, message: str, *, hint: str | None = None, origin: Origin | None = None):
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.origin = origin

    def __str__(self) -> str:
        where = f"{self.origin}: " if self.origin else ""
        return f"{where}{self.message}"


class UsageError(LockplaneError):
    """Wrong command-line usage (exit 2)."""


class ConfigError(LockplaneError):
    """A setting is missing or contradictory."""


class ConnectionFailed(LockplaneError):
    """The database could not be reached or refused us."""


class SnapshotError(LockplaneError):
    """A JSON snapshot or plan file is malformed; the message names the JSON path."""


class SchemaSourceError(LockplaneError):
    """The desired schema (.lp.sql) is invalid. Carries every diagnostic found."""

    def __init__(
        self,
        message: str,
        diagnostics: tuple[Any, ...] = (),
        *,
        hint: str | None = None,
        origin: Origin | None = None,
    ):
        super().__init__(message, hint=hint, origin=origin)
        self.diagnostics = diagnostics


class ShadowError(LockplaneError):
    """The scratch database could not be prepared or used."""


class PlanError(LockplaneError):
    """The plan cannot be built, is blocked by policy, or failed validation."""


class DriftError(LockplaneError):
    """The target no longer matches the schema a plan was made for."""
