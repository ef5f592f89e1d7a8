"""Revoking a privilege on an object that stays: the role's queries fail from then on.

Privileges are compared since they entered the model, so a grant made on the target by
hand (or by another tool) and not declared in the desired schema is planned as a
``REVOKE``: this rule makes that visible. Privileges taken back only because their
object is dropped or recreated (the plan grants them again) are not reported.
"""

from __future__ import annotations

from collections.abc import Iterator

from alembic_lockplane.diff.changes import Change
from alembic_lockplane.diff.changes_types import AddPrivilege, RemovePrivilege
from alembic_lockplane.model.objects import Schema
from alembic_lockplane.model.types import Privilege
from alembic_lockplane.plan.model import Safety
from alembic_lockplane.render.types import privilege_object
from alembic_lockplane.safety.context import SafetyContext
from alembic_lockplane.safety.rule import Hit, Rule


def _hit(p: Privilege) -> Hit:
    column = f" ({p.column})" if p.column is not None else ""
    return {"privilege": f"{p.privilege}{column}", "object": privilege_object(p), "role": p.grantee}


def _exists(p: Privilege, schema: Schema) -> bool:
    """Whether the object (and column) the privilege is on is in ``schema``."""
    kind, name_schema, name, _ = p.target
    match kind:
        case "schema":
            return any(n.name == name for n in schema.namespaces)
        case "table":
            table = schema.table(name_schema, name)
            if table is not None:
                return p.column is None or table.column(p.column) is not None
            return any((v.schema, v.name) == (name_schema, name) for v in schema.views)
        case "sequence":
            return any((s.schema, s.name) == (name_schema, name) for s in schema.sequences)
        case "function":
            return any(
                (f.schema, f.name, f.identity) == (name_schema, name, p.arguments or "")
                for f in schema.functions
            )
        case _:
            types = (schema.enums, schema.domains, schema.composite_types, schema.range_types)
            return any(t.key[1:] == (name_schema, name) for group in types for t in group)


def _has(schema: Schema, p: Privilege) -> bool:
    return any(q.key == p.key and q.revoked == p.revoked for q in schema.privileges)


def _check(change: Change, ctx: SafetyContext) -> Iterator[Hit]:
    match change:
        case RemovePrivilege(old=p) if not p.revoked:
            # a grant the role had and will not have (not one given back at once)
            if _has(ctx.desired, p) or not _exists(p, ctx.desired):
                return
        case AddPrivilege(new=p) if p.revoked:
            # a default privilege the role had on an object that existed before
            if _has(ctx.current, p) or not _exists(p, ctx.current):
                return
        case _:
            return
    yield _hit(p)


RULE = Rule(
    code="revoke_privilege",
    level=Safety.DANGEROUS,
    title="Revoke a privilege",
    message=(
        "Revokes {privilege} on {object} from {role}: from this step on, every query of that "
        "role that needs it fails with `permission denied`."
    ),
    hint=(
        "If the grant was made on the database and belongs in the schema, declare it in the "
        "desired schema (GRANT ...) instead. Otherwise make sure {role} no longer needs it, "
        "then allow with --allow revoke_privilege."
    ),
    blocking=False,
    check=_check,
)
