"""Model pairs -> the exact list of changes, in dependency order.

The models are written the way PostgreSQL's introspection renders them (types like
``integer``, qualified names like ``public.mood``); the integration cases check the same
behaviour end to end on a real server.
"""

from __future__ import annotations

from dataclasses import replace

from alembic_lockplane.diff.changes import (
    AddColumn,
    AddConstraint,
    AddEnumValue,
    AlterColumnType,
    AlterPolicy,
    CommentKind,
    CommentTarget,
    CreateEnum,
    CreateIndex,
    CreatePolicy,
    CreateSchema,
    CreateSequence,
    CreateTable,
    DropColumn,
    DropConstraint,
    DropDefault,
    DropEnum,
    DropIndex,
    DropPolicy,
    DropSchema,
    DropSequence,
    DropTable,
    EnumColumnUse,
    RecreateEnum,
    SetComment,
    SetDefault,
    SetNotNull,
    SetSequenceOwnedBy,
    TableKey,
)
from alembic_lockplane.diff.diff import diff
from alembic_lockplane.model.objects import (
    Column,
    Constraint,
    ConstraintKind,
    EnumType,
    ForeignKeyTarget,
    Index,
    Namespace,
    OwnedBy,
    Policy,
    Schema,
    Sequence,
    Table,
)

PUBLIC = Namespace("public")
ID = Column("id", "integer", not_null=True)


def pk(table: str) -> Constraint:
    return Constraint(f"{table}_pkey", ConstraintKind.PRIMARY_KEY, "PRIMARY KEY (id)", ("id",))


def fk(name: str, column: str, schema: str, table: str) -> Constraint:
    return Constraint(
        name,
        ConstraintKind.FOREIGN_KEY,
        f"FOREIGN KEY ({column}) REFERENCES {schema}.{table}(id)",
        (column,),
        references=ForeignKeyTarget(schema, table, ("id",)),
    )


def test_equal_schemas_give_no_changes() -> None:
    schema = Schema(namespaces=(PUBLIC,), tables=(Table("public", "t", (ID,), (pk("t"),)),))
    assert diff(schema, schema) == []


def test_new_tables_with_a_foreign_key_cycle_are_created_bare_then_linked() -> None:
    a = Table(
        "public", "a", (ID, Column("b_id", "integer")), (pk("a"), fk("a_b", "b_id", "public", "b"))
    )
    b = Table(
        "public", "b", (ID, Column("a_id", "integer")), (pk("b"), fk("b_a", "a_id", "public", "a"))
    )
    changes = diff(Schema(), Schema(tables=(b, a)))
    assert changes == [
        CreateTable(replace(a, constraints=(pk("a"),))),
        CreateTable(replace(b, constraints=(pk("b"),))),
        AddConstraint(TableKey("public", "a"), a.constraint("a_b")),  # type: ignore[arg-type]
        AddConstraint(TableKey("public", "b"), b.constraint("b_a")),  # type: ignore[arg-type]
    ]


def test_new_tables_are_created_referenced_first() -> None:
    child = Table(
        "public", "a_child", (ID, Column("p", "integer")), (fk("c_p", "p", "public", "z_parent"),)
    )
    parent = Table("public", "z_parent", (ID,), (pk("z_parent"),))
    changes = diff(Schema(), Schema(tables=(child, parent)))
    creates = [c.table.name for c in changes if isinstance(c, CreateTable)]
    assert creates == ["z_parent", "a_child"]


def test_drops_run_dependents_first_and_types_last() -> None:
    mood = EnumType("public", "mood", ("a",))
    parent = Table("public", "parent", (ID,), (pk("parent"),))
    child = Table(
        "public",
        "child",
        (ID, Column("p", "integer"), Column("m", "public.mood")),
        (fk("child_p", "p", "public", "parent"),),
        policies=(Policy("pol", using="true"),),
    )
    index = Index(
        "public", "child_m", "child", "CREATE INDEX child_m ON public.child USING btree (m)"
    )
    current = Schema(
        namespaces=(PUBLIC, Namespace("app")),
        enums=(mood,),
        tables=(parent, child),
        indexes=(index,),
    )
    changes = diff(current, Schema(namespaces=(PUBLIC,)))
    key = TableKey("public", "child")
    assert changes == [
        DropPolicy(key, Policy("pol", using="true")),
        DropConstraint(key, child.constraints[0]),
        DropIndex(index),
        DropTable(replace(child, constraints=(), policies=())),
        DropTable(parent),
        DropEnum(mood),
        DropSchema(Namespace("app")),
    ]


def test_column_chain_keeps_successive_states() -> None:
    before = Column("n", "text", default="'0'::text")
    after = Column("n", "integer", not_null=True, default="0")
    key = TableKey("public", "t")
    changes = diff(
        Schema(tables=(Table("public", "t", (before,)),)),
        Schema(tables=(Table("public", "t", (after,)),)),
    )
    s1 = replace(before, default=None)
    s2 = replace(s1, type="integer")
    s3 = replace(s2, not_null=True)
    assert changes == [
        DropDefault(key, before, s1),
        AlterColumnType(key, s1, s2, True),
        SetNotNull(key, s2, s3),
        SetDefault(key, s3, after),
    ]


def test_added_and_dropped_columns_and_comment() -> None:
    key = TableKey("public", "t")
    old = Table("public", "t", (ID, Column("legacy", "text")))
    new = Table("public", "t", (ID, Column("age", "integer")), comment="things")
    assert diff(Schema(tables=(old,)), Schema(tables=(new,))) == [
        DropColumn(key, Column("legacy", "text")),
        AddColumn(key, Column("age", "integer")),
        SetComment(CommentTarget(CommentKind.TABLE, "public", "t"), None, "things"),
    ]


def test_changed_constraint_and_index_are_dropped_then_recreated() -> None:
    key = TableKey("public", "t")
    c1 = Constraint("pos", ConstraintKind.CHECK, "CHECK ((id > 0))", ("id",))
    c2 = replace(c1, definition="CHECK ((id > 1))")
    i1 = Index("public", "t_id", "t", "CREATE INDEX t_id ON public.t USING btree (id)")
    i2 = replace(i1, definition="CREATE INDEX t_id ON public.t USING hash (id)", method="hash")
    changes = diff(
        Schema(tables=(Table("public", "t", (ID,), (c1,)),), indexes=(i1,)),
        Schema(tables=(Table("public", "t", (ID,), (c2,)),), indexes=(i2,)),
    )
    assert changes == [
        DropIndex(i1),
        DropConstraint(key, c1),
        AddConstraint(key, c2),
        CreateIndex(i2),
    ]


def test_enum_values_appended_in_order_and_removal_recreates() -> None:
    old = EnumType("public", "mood", ("ok",))
    new = EnumType("public", "mood", ("sad", "ok", "great"))
    mid = EnumType("public", "mood", ("sad", "ok"))
    assert diff(Schema(enums=(old,)), Schema(enums=(new,))) == [
        AddEnumValue(old, mid, "sad", before="ok"),
        AddEnumValue(mid, new, "great", after="ok"),
    ]
    table = Table("public", "t", (Column("m", "public.mood"),))
    use = EnumColumnUse(TableKey("public", "t"), Column("m", "public.mood"))
    assert diff(Schema(enums=(new,), tables=(table,)), Schema(enums=(old,), tables=(table,))) == [
        RecreateEnum(new, old, (use,))
    ]


def test_serial_sequence_owner_is_set_after_its_table() -> None:
    seq = Sequence("public", "t_id_seq", data_type="integer", max_value=2147483647)
    owned = replace(seq, owned_by=OwnedBy("public", "t", "id"))
    col = Column("id", "integer", not_null=True, default="nextval('public.t_id_seq'::regclass)")
    table = Table("public", "t", (col,))
    changes = diff(Schema(), Schema(sequences=(owned,), tables=(table,)))
    assert changes == [CreateSequence(seq), CreateTable(table), SetSequenceOwnedBy(seq, owned)]
    back = diff(Schema(sequences=(owned,), tables=(table,)), Schema())
    assert back == [SetSequenceOwnedBy(owned, seq), DropTable(table), DropSequence(seq)]


def test_policy_alter_in_place_but_removed_check_recreates() -> None:
    key = TableKey("public", "t")
    p1 = Policy("p", using="true", with_check="true")
    p2 = replace(p1, using="false")
    p3 = replace(p1, with_check=None)
    base = Table("public", "t", (ID,))
    assert diff(
        Schema(tables=(replace(base, policies=(p1,)),)),
        Schema(tables=(replace(base, policies=(p2,)),)),
    ) == [AlterPolicy(key, p1, p2)]
    assert diff(
        Schema(tables=(replace(base, policies=(p1,)),)),
        Schema(tables=(replace(base, policies=(p3,)),)),
    ) == [DropPolicy(key, p1), CreatePolicy(key, p3)]


def test_order_is_schema_then_type_then_table() -> None:
    app = Namespace("app")
    mood = EnumType("app", "mood", ("a",))
    table = Table("app", "t", (Column("m", "app.mood"),))
    changes = diff(Schema(), Schema(namespaces=(app,), enums=(mood,), tables=(table,)))
    assert changes == [CreateSchema(app), CreateEnum(mood), CreateTable(table)]


def test_same_input_same_output() -> None:
    tables = tuple(
        Table(
            "public",
            f"t{i}",
            (ID, Column("o", "integer")),
            (pk(f"t{i}"), fk(f"f{i}", "o", "public", f"t{(i + 1) % 7}")),
        )
        for i in range(7)
    )
    first = diff(Schema(), Schema(tables=tables))
    assert first == diff(Schema(), Schema(tables=tuple(reversed(tables))))
