"""SQL and descriptions of composite type, range type and privilege changes.

Creates restore every comment (of the type and of each attribute) so that
``render(drop.reverse())`` brings a type back as it was. A privilege with ``revoked=True``
is a default privilege taken away: adding it is a ``REVOKE`` and removing it a ``GRANT``.
Functions and procedures are granted ``ON ROUTINE`` (PostgreSQL 11+), which names both.
"""

from __future__ import annotations

from alembic_lockplane.diff.changes_types import (
    AddPrivilege,
    AlterCompositeType,
    CommentType,
    CreateCompositeType,
    CreateRangeType,
    DropCompositeType,
    DropRangeType,
    RecreateCompositeType,
    RecreateRangeType,
    RemovePrivilege,
    SetOwner,
    TypeChange,
)
from alembic_lockplane.model.types import (
    CompositeAttribute,
    CompositeType,
    OwnedKind,
    Owner,
    Privilege,
    PrivilegeKind,
    RangeType,
)
from alembic_lockplane.render.describe import display
from alembic_lockplane.render.quote import qualified, quote_ident, quote_literal


def _name(t: CompositeType | RangeType) -> str:
    return qualified(t.schema, t.name)


def _comment(t: CompositeType | RangeType, attribute: str | None, text: str | None) -> str:
    value = "NULL" if text is None else quote_literal(text)
    if attribute is None:
        return f"COMMENT ON TYPE {_name(t)} IS {value}"
    return f"COMMENT ON COLUMN {_name(t)}.{quote_ident(attribute)} IS {value}"


def _attribute(a: CompositeAttribute) -> str:
    collate = f" COLLATE {a.collation}" if a.collation is not None else ""
    return f"{quote_ident(a.name)} {a.type}{collate}"


def _type_comments(t: CompositeType | RangeType) -> list[str]:
    out = [] if t.comment is None else [_comment(t, None, t.comment)]
    if isinstance(t, CompositeType):
        out += [_comment(t, a.name, a.comment) for a in t.attributes if a.comment is not None]
    return out


def create_composite(t: CompositeType) -> list[str]:
    body = ", ".join(_attribute(a) for a in t.attributes)
    return [f"CREATE TYPE {_name(t)} AS ({body})", *_type_comments(t)]


def alter_composite(old: CompositeType, new: CompositeType) -> list[str]:
    """One ``ALTER TYPE`` with every attribute action, then the added ones' comments."""
    actions: list[str] = []
    for a in old.attributes:
        if new.attribute(a.name) is None:
            actions.append(f"DROP ATTRIBUTE {quote_ident(a.name)}")
    for a in new.attributes:
        was = old.attribute(a.name)
        if was is None:
            actions.append(f"ADD ATTRIBUTE {_attribute(a)}")
        elif (was.type, was.collation) != (a.type, a.collation):
            collate = f" COLLATE {a.collation}" if a.collation is not None else ""
            actions.append(f"ALTER ATTRIBUTE {quote_ident(a.name)} SET DATA TYPE {a.type}{collate}")
    added = [
        _comment(new, a.name, a.comment)
        for a in new.attributes
        if old.attribute(a.name) is None and a.comment is not None
    ]
    return [f"ALTER TYPE {_name(new)} {', '.join(actions)}", *added]


def create_range(t: RangeType) -> list[str]:
    options = [f"subtype = {t.subtype}"]
    if t.subtype_opclass is not None:
        options.append(f"subtype_opclass = {t.subtype_opclass}")
    if t.collation is not None:
        options.append(f"collation = {t.collation}")
    if t.canonical is not None:
        options.append(f"canonical = {t.canonical}")
    if t.subtype_diff is not None:
        options.append(f"subtype_diff = {t.subtype_diff}")
    if t.multirange is not None:
        options.append(f"multirange_type_name = {t.multirange}")
    return [f"CREATE TYPE {_name(t)} AS RANGE ({', '.join(options)})", *_type_comments(t)]


def _grantee(p: Privilege) -> str:
    return "PUBLIC" if p.grantee == "PUBLIC" else quote_ident(p.grantee)


def privilege_object(p: Privilege) -> str:
    """The ``ON ...`` object of ``GRANT`` / ``REVOKE``."""
    match p.kind:
        case PrivilegeKind.SCHEMA:
            return f"SCHEMA {quote_ident(p.name)}"
        case PrivilegeKind.TABLE:
            return f"TABLE {qualified(p.schema, p.name)}"
        case PrivilegeKind.SEQUENCE:
            return f"SEQUENCE {qualified(p.schema, p.name)}"
        case PrivilegeKind.FUNCTION:
            return f"ROUTINE {qualified(p.schema, p.name)}({p.arguments or ''})"
        case PrivilegeKind.TYPE:
            return f"TYPE {qualified(p.schema, p.name)}"


def _what(p: Privilege) -> str:
    column = f" ({quote_ident(p.column)})" if p.column is not None else ""
    return f"{p.privilege}{column} ON {privilege_object(p)}"


def grant(p: Privilege) -> str:
    option = " WITH GRANT OPTION" if p.grantable else ""
    return f"GRANT {_what(p)} TO {_grantee(p)}{option}"


def revoke(p: Privilege) -> str:
    return f"REVOKE {_what(p)} FROM {_grantee(p)}"


def owned_object(o: Owner) -> str:
    """The object of ``ALTER ... OWNER TO``."""
    match o.kind:
        case OwnedKind.SCHEMA:
            return f"SCHEMA {quote_ident(o.name)}"
        case OwnedKind.FUNCTION:
            return f"ROUTINE {qualified(o.schema, o.name)}({o.arguments or ''})"
        case OwnedKind.MATERIALIZED_VIEW:
            return f"MATERIALIZED VIEW {qualified(o.schema, o.name)}"
        case _:
            return f"{o.kind.value.upper()} {qualified(o.schema, o.name)}"


def set_owner(change: SetOwner) -> str:
    role = "CURRENT_USER" if change.new is None else quote_ident(change.new.role)
    return f"ALTER {owned_object(change.obj)} OWNER TO {role}"


def type_lock(change: TypeChange) -> str | None:
    """``ALTER TABLE / VIEW / MATERIALIZED VIEW / SEQUENCE ... OWNER TO`` takes ACCESS
    EXCLUSIVE on the relation; grants, revokes and type changes lock no table."""
    if isinstance(change, SetOwner) and change.obj.kind in (
        OwnedKind.TABLE,
        OwnedKind.VIEW,
        OwnedKind.MATERIALIZED_VIEW,
        OwnedKind.SEQUENCE,
    ):
        return "ACCESS EXCLUSIVE"
    return None


def type_statements(change: TypeChange) -> list[str]:
    match change:
        case CreateCompositeType(new=t):
            return create_composite(t)
        case DropCompositeType(old=t) | DropRangeType(old=t):
            return [f"DROP TYPE {_name(t)}"]
        case AlterCompositeType(old=old, new=new):
            return alter_composite(old, new)
        case RecreateCompositeType(old=old, new=new):
            return [f"DROP TYPE {_name(old)}", *create_composite(new)]
        case CreateRangeType(new=t):
            return create_range(t)
        case RecreateRangeType(old=old, new=new):
            return [f"DROP TYPE {_name(old)}", *create_range(new)]
        case CommentType(obj=t, attribute=attribute, new=text):
            return [_comment(t, attribute, text)]
        case AddPrivilege(new=p):
            return [revoke(p) if p.revoked else grant(p)]
        case RemovePrivilege(old=p):
            return [grant(p) if p.revoked else revoke(p)]
        case SetOwner():
            return [set_owner(change)]


def _subject(t: CompositeType | RangeType) -> str:
    kind = "composite type" if isinstance(t, CompositeType) else "range type"
    return f"{kind} {display(t.schema, t.name)}"


def _privilege_subject(p: Privilege) -> str:
    match p.kind:
        case PrivilegeKind.SCHEMA:
            where = f"schema {p.name}"
        case PrivilegeKind.FUNCTION:
            where = f"routine {display(p.schema, p.name)}({p.arguments or ''})"
        case _:
            where = f"{p.kind.value} {display(p.schema, p.name)}"
    column = f" ({p.column})" if p.column is not None else ""
    return f"{p.privilege}{column} on {where}"


def type_description(change: TypeChange) -> str:
    match change:
        case CreateCompositeType(new=t) | CreateRangeType(new=t):
            return f"Create {_subject(t)}"
        case DropCompositeType(old=t) | DropRangeType(old=t):
            return f"Drop {_subject(t)}"
        case AlterCompositeType(new=t):
            return f"Alter attributes of {_subject(t)}"
        case RecreateCompositeType(new=t) | RecreateRangeType(new=t):
            return f"Drop and create {_subject(t)}"
        case CommentType(obj=t, attribute=attribute, new=text):
            verb = "Remove comment on" if text is None else "Set comment on"
            if attribute is None:
                return f"{verb} {_subject(t)}"
            return f"{verb} attribute {attribute} of {_subject(t)}"
        case AddPrivilege(new=p):
            if p.revoked:
                return f"Revoke {_privilege_subject(p)} from {p.grantee}"
            return f"Grant {_privilege_subject(p)} to {p.grantee}"
        case RemovePrivilege(old=p):
            if p.revoked:
                return f"Grant {_privilege_subject(p)} to {p.grantee} (back to the default)"
            return f"Revoke {_privilege_subject(p)} from {p.grantee}"
        case SetOwner(new=new):
            o = change.obj
            what = o.kind.value.replace("_", " ")
            name = o.name if o.kind is OwnedKind.SCHEMA else display(o.schema, o.name)
            args = f"({o.arguments or ''})" if o.kind is OwnedKind.FUNCTION else ""
            role = "the role running the plan" if new is None else new.role
            return f"Change owner of {what} {name}{args} to {role}"
