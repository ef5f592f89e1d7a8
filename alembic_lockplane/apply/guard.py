"""The drift guard: a plan runs only on the schema it was made for.

The plan records ``source_hash``, the canonical hash of the model it was planned from. The
target is introspected (same scope, same exclusions) and hashed; any difference stops the
apply before a single statement runs. The plan does not carry the expected model, so the
message cannot list objects; it says which hashes differ and recognises the two common
cases: the plan was already applied, or the database was changed by hand since planning.
"""

from __future__ import annotations

from collections.abc import Collection
from collections.abc import Sequence as Seq
from dataclasses import dataclass

from alembic_lockplane.db.connect import Connection, describe
from alembic_lockplane.errors import DriftError
from alembic_lockplane.introspect import introspect
from alembic_lockplane.model.objects import Schema
from alembic_lockplane.plan.model import Plan


@dataclass(frozen=True)
class Scope:
    """What part of the database is managed (and hashed)."""

    schemas: tuple[str, ...] | None
    exclude_tables: tuple[tuple[str | None, str], ...]
    owners: bool = False
    privileges: bool = True

    @staticmethod
    def of(
        schemas: Seq[str] | None,
        exclude_tables: Collection[tuple[str | None, str]],
        owners: bool = False,
        privileges: bool = True,
    ) -> Scope:
        schemas_ = tuple(schemas) if schemas else None
        return Scope(schemas_, tuple(exclude_tables), owners, privileges)

    def read(self, conn: Connection) -> Schema:
        return introspect(
            conn,
            self.schemas,
            exclude_tables=self.exclude_tables,
            owners=self.owners,
            privileges=self.privileges,
        )


def short(hash_value: str) -> str:
    return hash_value[:12] if hash_value else "(none)"


def drift_error(plan: Plan, actual_hash: str, url: str) -> DriftError:
    """The refusal, worded for the case at hand."""
    where = describe(url)
    if plan.target_hash and actual_hash == plan.target_hash:
        return DriftError(
            f"{where} already has this plan's target schema (hash {short(actual_hash)}): "
            "the plan was applied before; nothing was changed",
            hint="plan again from the live database if you expected changes",
        )
    return DriftError(
        f"{where} has drifted from the schema this plan was made for: its schema hashes to "
        f"{short(actual_hash)}, the plan expects {short(plan.source_hash)}"
        + (f" (and leads to {short(plan.target_hash)})" if plan.target_hash else "")
        + "; nothing was changed",
        hint="someone changed the schema after the plan was made (or another plan ran): "
        "make a new plan from the live database (`lockplane plan --from $DATABASE_URL ...`) "
        "and review it",
    )


def matches_source(plan: Plan, actual_hash: str) -> bool:
    """An empty ``source_hash`` (Lockplane's rollback files) disables the guard."""
    return not plan.source_hash or actual_hash == plan.source_hash
