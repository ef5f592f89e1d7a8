"""SQL, descriptions and locks of the view, function, trigger and domain changes.

Definitions are the server's own renderings (``pg_get_viewdef``, ``pg_get_functiondef``,
``pg_get_triggerdef``, ``pg_get_constraintdef``), printed with ``search_path`` empty and
so schema-qualified: they are emitted as they are. Every create restores the object's
comment (and a materialized view's indexes), so that ``render(drop.reverse())`` brings
the object back as it was.
"""

from __future__ import annotations

import re

from alembic_lockplane.diff.changes_objects import (
    AlterDomain,
    Commentable,
    CommentObject,
    CreateDomain,
    CreateFunction,
    CreateTrigger,
    CreateView,
    DropDomain,
    DropFunction,
    DropTrigger,
    DropView,
    RecreateFunction,
    ReplaceFunction,
    ReplaceView,
)
from alembic_lockplane.diff.order_objects import ObjectChange
from alembic_lockplane.model.objects import Domain, DomainConstraint, Function, Trigger, View
from alembic_lockplane.render.describe import display
from alembic_lockplane.render.quote import qualified, quote_ident, quote_literal

ACCESS_EXCLUSIVE = "ACCESS EXCLUSIVE"
SHARE_ROW_EXCLUSIVE = "SHARE ROW EXCLUSIVE"


def _view_kind(view: View) -> str:
    return "MATERIALIZED VIEW" if view.materialized else "VIEW"


def _query(view: View) -> str:
    return view.definition.strip().removesuffix(";")


def _with(view: View) -> str:
    return f" WITH ({', '.join(view.options)})" if view.options else ""


def _function_name(fn: Function) -> str:
    kind = "PROCEDURE" if fn.procedure else "FUNCTION"
    return f"{kind} {qualified(fn.schema, fn.name)}({fn.arguments})"


def comment_object(obj: Commentable) -> str:
    """The object clause of ``COMMENT ON`` for ``obj``."""
    match obj:
        case View():
            return f"{_view_kind(obj)} {qualified(obj.schema, obj.name)}"
        case Function():
            return _function_name(obj)
        case Trigger():
            return f"TRIGGER {quote_ident(obj.name)} ON {qualified(obj.schema, obj.table)}"
        case Domain():
            return f"DOMAIN {qualified(obj.schema, obj.name)}"


def _comment(obj: Commentable, text: str | None) -> str:
    value = "NULL" if text is None else quote_literal(text)
    return f"COMMENT ON {comment_object(obj)} IS {value}"


def _comments(obj: Commentable, text: str | None) -> list[str]:
    return [] if text is None else [_comment(obj, text)]


def _create_view(view: View) -> list[str]:
    name = qualified(view.schema, view.name)
    sql = f"CREATE {_view_kind(view)} {name}{_with(view)} AS {_query(view)}"
    out = [sql + (" WITH DATA" if view.materialized else "")]
    for index in view.indexes:
        out.append(index.definition)
        if index.comment is not None:
            iname = qualified(index.schema, index.name)
            out.append(f"COMMENT ON INDEX {iname} IS {quote_literal(index.comment)}")
    return out + _comments(view, view.comment)


def _replace_view(old: View, new: View) -> list[str]:
    name = qualified(new.schema, new.name)
    out = [f"CREATE OR REPLACE VIEW {name}{_with(new)} AS {_query(new)}"]
    kept = {o.split("=", 1)[0] for o in new.options}
    gone = sorted({o.split("=", 1)[0] for o in old.options} - kept)
    if gone:
        out.append(f"ALTER VIEW {name} RESET ({', '.join(gone)})")
    return out


def _definition(fn: Function) -> str:
    return fn.definition.rstrip()


_SQL_STRING_BODY = re.compile(r"^\s*LANGUAGE sql\b", re.MULTILINE)


def _unchecked(fn: Function) -> list[str]:
    """A SQL function with a string body is parsed against the database at ``CREATE`` while
    ``check_function_bodies`` is on, so one reading a table the plan creates later would
    fail. As pg_dump does, the check is turned off for the transaction: the function was
    created as written in the desired database already. (``BEGIN ATOMIC`` bodies are
    always parsed; they are ordered after what they read instead.)"""
    if _SQL_STRING_BODY.search(fn.definition) and "BEGIN ATOMIC" not in fn.definition:
        return ["SET LOCAL check_function_bodies = off"]
    return []


def _check(con: DomainConstraint) -> str:
    return f"CONSTRAINT {quote_ident(con.name)} {con.definition}"


def _create_domain(domain: Domain) -> list[str]:
    name = qualified(domain.schema, domain.name)
    sql = f"CREATE DOMAIN {name} AS {domain.base_type}"
    if domain.collation is not None:
        sql += f" COLLATE {domain.collation}"
    if domain.default is not None:
        sql += f" DEFAULT {domain.default}"
    if domain.not_null:
        sql += " NOT NULL"
    for con in domain.constraints:
        if con.validated:
            sql += f" {_check(con)}"
    later = [
        f"ALTER DOMAIN {name} ADD {_check(con)} NOT VALID"
        for con in domain.constraints
        if not con.validated
    ]
    return [sql, *later, *_comments(domain, domain.comment)]


def _alter_domain(old: Domain, new: Domain) -> list[str]:
    name = f"ALTER DOMAIN {qualified(new.schema, new.name)}"
    out: list[str] = []
    before = {c.name: c for c in old.constraints}
    after = {c.name: c for c in new.constraints}
    for cname, con in before.items():
        target = after.get(cname)
        if (
            target is None
            or target.definition != con.definition
            or (con.validated and not target.validated)
        ):
            out.append(f"{name} DROP CONSTRAINT {quote_ident(cname)}")
    if old.default != new.default:
        out.append(
            f"{name} DROP DEFAULT" if new.default is None else f"{name} SET DEFAULT {new.default}"
        )
    if old.not_null != new.not_null:
        out.append(f"{name} {'SET' if new.not_null else 'DROP'} NOT NULL")
    for cname, con in after.items():
        was = before.get(cname)
        if was is None or was.definition != con.definition or (was.validated and not con.validated):
            out.append(f"{name} ADD {_check(con)}" + ("" if con.validated else " NOT VALID"))
        elif con.validated and not was.validated:
            out.append(f"{name} VALIDATE CONSTRAINT {quote_ident(cname)}")
    return out


def object_statements(change: ObjectChange) -> list[str]:
    match change:
        case CreateView(new=view):
            return _create_view(view)
        case DropView(old=view):
            return [f"DROP {_view_kind(view)} {qualified(view.schema, view.name)}"]
        case ReplaceView(old=old, new=new):
            return _replace_view(old, new)
        case CreateFunction(new=fn):
            return [*_unchecked(fn), _definition(fn), *_comments(fn, fn.comment)]
        case DropFunction(old=fn):
            return [f"DROP {_function_name(fn)}"]
        case ReplaceFunction(new=fn):
            return [*_unchecked(fn), _definition(fn)]
        case RecreateFunction(old=old, new=new):
            drop = f"DROP {_function_name(old)}"
            return [*_unchecked(new), drop, _definition(new), *_comments(new, new.comment)]
        case CreateTrigger(new=trigger):
            return [trigger.definition, *_comments(trigger, trigger.comment)]
        case DropTrigger(old=t):
            return [f"DROP TRIGGER {quote_ident(t.name)} ON {qualified(t.schema, t.table)}"]
        case CreateDomain(new=domain):
            return _create_domain(domain)
        case DropDomain(old=domain):
            return [f"DROP DOMAIN {qualified(domain.schema, domain.name)}"]
        case AlterDomain(old=old, new=new):
            return _alter_domain(old, new)
        case CommentObject(obj=obj, new=text):
            return [_comment(obj, text)]


def _subject(obj: Commentable) -> str:
    match obj:
        case View():
            kind = "materialized view" if obj.materialized else "view"
            return f"{kind} {display(obj.schema, obj.name)}"
        case Function():
            kind = "procedure" if obj.procedure else "function"
            return f"{kind} {display(obj.schema, obj.signature)}"
        case Trigger():
            return f"trigger {obj.name} on {display(obj.schema, obj.table)}"
        case Domain():
            return f"domain {display(obj.schema, obj.name)}"


def object_description(change: ObjectChange) -> str:
    match change:
        case CreateView(new=o) | CreateFunction(new=o) | CreateTrigger(new=o) | CreateDomain(new=o):
            return f"Create {_subject(o)}"
        case DropView(old=o) | DropFunction(old=o) | DropTrigger(old=o) | DropDomain(old=o):
            return f"Drop {_subject(o)}"
        case ReplaceView(new=o) | ReplaceFunction(new=o):
            return f"Replace {_subject(o)}"
        case RecreateFunction(new=o):
            return f"Drop and create {_subject(o)} (result or arguments changed)"
        case AlterDomain(new=o):
            return f"Alter {_subject(o)}"
        case CommentObject(obj=o, new=text):
            verb = "Remove comment on" if text is None else "Set comment on"
            return f"{verb} {_subject(o)}"


def object_lock(change: ObjectChange) -> str | None:
    """The strongest lock on an existing table or view: dropping or replacing a view and
    dropping a trigger take ACCESS EXCLUSIVE, creating a trigger SHARE ROW EXCLUSIVE."""
    match change:
        case DropView() | ReplaceView() | DropTrigger():
            return ACCESS_EXCLUSIVE
        case CreateTrigger():
            return SHARE_ROW_EXCLUSIVE
        case _:
            return None
