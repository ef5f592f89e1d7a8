"""SQL and descriptions of composite type, range type and privilege changes."""

from __future__ import annotations

from dataclasses import replace

from alembic_lockplane.diff.changes_types import (
    AddPrivilege,
    AlterCompositeType,
    CommentType,
    CreateCompositeType,
    CreateRangeType,
    DropCompositeType,
    RecreateRangeType,
    RemovePrivilege,
    SetOwner,
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
from alembic_lockplane.render.locks import strongest_lock as render_lock
from alembic_lockplane.render.render import render

PAIR = CompositeType(
    "app",
    "Pair",
    (
        CompositeAttribute("a", "integer", comment="first"),
        CompositeAttribute("order", "text", collation='"C"'),
    ),
    comment="two things",
)


def _sql(change: object) -> tuple[str, ...]:
    return render(change).statements  # type: ignore[arg-type]


def test_create_composite_quotes_names_and_restores_every_comment() -> None:
    assert _sql(CreateCompositeType(PAIR)) == (
        'CREATE TYPE app."Pair" AS (a integer, "order" text COLLATE "C")',
        "COMMENT ON TYPE app.\"Pair\" IS 'two things'",
        "COMMENT ON COLUMN app.\"Pair\".a IS 'first'",
    )
    assert _sql(DropCompositeType(PAIR)) == ('DROP TYPE app."Pair"',)


def test_alter_composite_is_one_statement_with_every_attribute_action() -> None:
    new = replace(
        PAIR,
        attributes=(
            CompositeAttribute("a", "bigint"),
            CompositeAttribute("z", "date", comment="added"),
        ),
    )
    assert _sql(AlterCompositeType(PAIR, new)) == (
        'ALTER TYPE app."Pair" DROP ATTRIBUTE "order", ALTER ATTRIBUTE a SET DATA TYPE bigint, '
        "ADD ATTRIBUTE z date",
        "COMMENT ON COLUMN app.\"Pair\".z IS 'added'",
    )
    # the way back restores the dropped attribute with its collation
    back = AlterCompositeType(new, PAIR)
    assert _sql(back)[0] == (
        'ALTER TYPE app."Pair" DROP ATTRIBUTE z, ALTER ATTRIBUTE a SET DATA TYPE integer, '
        'ADD ATTRIBUTE "order" text COLLATE "C"'
    )
    assert not AlterCompositeType(PAIR, replace(PAIR, attributes=PAIR.attributes[1:])).reversible
    assert AlterCompositeType(PAIR, replace(PAIR, attributes=PAIR.attributes[:1])).reversible


def test_range_options_are_written_only_when_set() -> None:
    plain = RangeType("public", "floatrange", "double precision")
    assert _sql(CreateRangeType(plain)) == (
        "CREATE TYPE public.floatrange AS RANGE (subtype = double precision)",
    )
    full = RangeType(
        "public",
        "textrange",
        "text",
        subtype_opclass="pg_catalog.text_pattern_ops",
        collation='"C"',
        subtype_diff="public.text_diff",
        multirange="public.textranges",
        comment="texts",
    )
    assert _sql(RecreateRangeType(plain, full)) == (
        "DROP TYPE public.floatrange",
        "CREATE TYPE public.textrange AS RANGE (subtype = text, "
        'subtype_opclass = pg_catalog.text_pattern_ops, collation = "C", '
        "subtype_diff = public.text_diff, multirange_type_name = public.textranges)",
        "COMMENT ON TYPE public.textrange IS 'texts'",
    )


def test_type_and_attribute_comments() -> None:
    assert _sql(CommentType(PAIR, None, "x", None)) == ('COMMENT ON TYPE app."Pair" IS NULL',)
    change = CommentType(PAIR, "order", None, "it's")
    assert _sql(change) == ("COMMENT ON COLUMN app.\"Pair\".\"order\" IS 'it''s'",)
    assert render(change).description == "Set comment on attribute order of composite type app.Pair"


def test_grants_name_the_object_kind_and_quote_the_role() -> None:
    table = Privilege(PrivilegeKind.TABLE, "app", "t", "Data Reader", "SELECT", grantable=True)
    assert _sql(AddPrivilege(table)) == (
        'GRANT SELECT ON TABLE app.t TO "Data Reader" WITH GRANT OPTION',
    )
    assert _sql(RemovePrivilege(table)) == ('REVOKE SELECT ON TABLE app.t FROM "Data Reader"',)
    column = Privilege(PrivilegeKind.TABLE, "app", "t", "PUBLIC", "UPDATE", column="Name")
    assert _sql(AddPrivilege(column)) == ('GRANT UPDATE ("Name") ON TABLE app.t TO PUBLIC',)
    schema = Privilege(PrivilegeKind.SCHEMA, "app", "app", "reader", "USAGE")
    assert _sql(AddPrivilege(schema)) == ("GRANT USAGE ON SCHEMA app TO reader",)
    seq = Privilege(PrivilegeKind.SEQUENCE, "app", "s", "reader", "USAGE")
    assert _sql(AddPrivilege(seq)) == ("GRANT USAGE ON SEQUENCE app.s TO reader",)
    fn = Privilege(PrivilegeKind.FUNCTION, "app", "f", "reader", "EXECUTE", arguments="integer")
    assert _sql(AddPrivilege(fn)) == ("GRANT EXECUTE ON ROUTINE app.f(integer) TO reader",)
    ty = Privilege(PrivilegeKind.TYPE, "app", "Pair", "reader", "USAGE")
    assert _sql(AddPrivilege(ty)) == ('GRANT USAGE ON TYPE app."Pair" TO reader',)


def test_a_revoked_default_is_a_revoke_to_add_and_a_grant_to_remove() -> None:
    revoked = Privilege(
        PrivilegeKind.FUNCTION, "app", "f", "PUBLIC", "EXECUTE", arguments="", revoked=True
    )
    added = render(AddPrivilege(revoked))
    assert added.statements == ("REVOKE EXECUTE ON ROUTINE app.f() FROM PUBLIC",)
    assert added.description == "Revoke EXECUTE on routine app.f() from PUBLIC"
    assert _sql(RemovePrivilege(revoked)) == ("GRANT EXECUTE ON ROUTINE app.f() TO PUBLIC",)


def test_owner_changes_name_the_object_kind_and_fall_back_to_current_user() -> None:
    view = Owner(OwnedKind.MATERIALIZED_VIEW, "app", "Totals", "Report Owner")
    given = render(SetOwner(None, view))
    assert given.statements == ('ALTER MATERIALIZED VIEW app."Totals" OWNER TO "Report Owner"',)
    assert given.description == "Change owner of materialized view app.Totals to Report Owner"
    back = render(SetOwner(view, None))
    assert back.statements == ('ALTER MATERIALIZED VIEW app."Totals" OWNER TO CURRENT_USER',)
    assert back.description.endswith("to the role running the plan")
    fn = Owner(OwnedKind.FUNCTION, "app", "f", "owner", arguments="integer, text")
    assert _sql(SetOwner(None, fn)) == ("ALTER ROUTINE app.f(integer, text) OWNER TO owner",)
    schema = Owner(OwnedKind.SCHEMA, "app", "app", "owner")
    domain = Owner(OwnedKind.DOMAIN, "app", "posint", "owner")
    assert _sql(SetOwner(schema, replace(schema, role="other"))) == (
        "ALTER SCHEMA app OWNER TO other",
    )
    assert _sql(SetOwner(None, domain)) == ("ALTER DOMAIN app.posint OWNER TO owner",)


def test_giving_a_table_away_locks_it_but_grants_and_type_owners_do_not() -> None:
    table = Owner(OwnedKind.TABLE, "app", "t", "owner")
    assert render_lock(SetOwner(None, table)) == "ACCESS EXCLUSIVE"
    assert render_lock(SetOwner(None, Owner(OwnedKind.TYPE, "app", "pair", "owner"))) is None
    grant = Privilege(PrivilegeKind.TABLE, "app", "t", "PUBLIC", "SELECT")
    assert render_lock(AddPrivilege(grant)) is None
