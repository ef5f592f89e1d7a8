"""Every change kind knows its reverse, and reversing twice gives the change back."""

from __future__ import annotations

from dataclasses import replace

import pytest

from alembic_lockplane.diff.changes import (
    ALL_CHANGE_TYPES,
    AddColumn,
    AddConstraint,
    AddEnumValue,
    AddIdentity,
    AlterColumnCollation,
    AlterColumnType,
    AlterDomain,
    AlterExtension,
    AlterIdentity,
    AlterPolicy,
    AlterSequence,
    Change,
    CommentKind,
    CommentObject,
    CommentTarget,
    CreateDomain,
    CreateEnum,
    CreateExtension,
    CreateFunction,
    CreateIndex,
    CreatePolicy,
    CreateSchema,
    CreateSequence,
    CreateTable,
    CreateTrigger,
    CreateView,
    DisableRowLevelSecurity,
    DropColumn,
    DropConstraint,
    DropDefault,
    DropDomain,
    DropEnum,
    DropExtension,
    DropFunction,
    DropIdentity,
    DropIndex,
    DropNotNull,
    DropPolicy,
    DropSchema,
    DropSequence,
    DropTable,
    DropTrigger,
    DropView,
    EnableRowLevelSecurity,
    EnumColumnUse,
    ForceRowLevelSecurity,
    InvalidateConstraint,
    NoForceRowLevelSecurity,
    RecreateEnum,
    RecreateFunction,
    ReplaceFunction,
    ReplaceGeneratedColumn,
    ReplaceView,
    SetComment,
    SetDefault,
    SetNotNull,
    SetSequenceOwnedBy,
    TableKey,
    ValidateConstraint,
    enum_change,
)
from alembic_lockplane.diff.changes_collations import (
    CollationColumnUse,
    CreateCollation,
    DropCollation,
    RecreateCollation,
)
from alembic_lockplane.diff.changes_partitions import (
    AddInherit,
    AttachPartition,
    DetachPartition,
    DropInherit,
)
from alembic_lockplane.diff.changes_storage import (
    AlterColumnStorage,
    SetLogged,
    SetReplicaIdentity,
    SetTableOptions,
)
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
)
from alembic_lockplane.model.collations import Collation
from alembic_lockplane.model.objects import (
    Column,
    Constraint,
    ConstraintKind,
    Domain,
    EnumType,
    Extension,
    Function,
    Identity,
    Index,
    Namespace,
    OwnedBy,
    PartitionOf,
    Policy,
    Sequence,
    Table,
    TableRef,
    Trigger,
    View,
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

T = TableKey("public", "users")
COL = Column("age", "integer")
ENUM = EnumType("public", "mood", ("sad", "happy"))
ENUM3 = EnumType("public", "mood", ("sad", "ok", "happy"))
SEQ = Sequence("public", "users_id_seq")
CHECK = Constraint("age_positive", ConstraintKind.CHECK, "CHECK ((age > 0))", ("age",))
UNVALIDATED = Constraint(
    "age_positive", ConstraintKind.CHECK, "CHECK ((age > 0))", ("age",), validated=False
)
IDENT = Identity(always=True)
POLICY = Policy("readers", command="SELECT", using="true")
USES = (EnumColumnUse(T, Column("m", "public.mood", default="'sad'::public.mood")),)

VIEW = View("public", "v", " SELECT 1 AS n;")
FN = Function("public", "f", "", "", "CREATE OR REPLACE FUNCTION ...", result="integer")
FN_BODY = Function("public", "f", "", "", "CREATE OR REPLACE FUNCTION ... 2", result="integer")
TRIGGER = Trigger("public", "users", "t", "CREATE TRIGGER t ...")
DOMAIN = Domain("public", "posint", "integer")

SAMPLES: list[Change] = [
    CreateSchema(Namespace("app")),
    DropSchema(Namespace("app", comment="x")),
    CreateExtension(Extension("citext", "public", "1.6")),
    DropExtension(Extension("citext", "public", "1.6")),
    AlterExtension(Extension("citext", "public", "1.5"), Extension("citext", "ext", "1.6")),
    CreateEnum(ENUM),
    DropEnum(ENUM),
    AddEnumValue(ENUM, ENUM3, "ok", after="sad", uses=USES),
    RecreateEnum(ENUM3, ENUM, USES),
    RecreateEnum(ENUM, ENUM3, (EnumColumnUse(T, USES[0].column, Column("m", "public.mood")),)),
    CreateSequence(SEQ),
    DropSequence(SEQ),
    AlterSequence(SEQ, Sequence("public", "users_id_seq", increment=2)),
    SetSequenceOwnedBy(
        SEQ, Sequence("public", "users_id_seq", owned_by=OwnedBy("public", "users", "id"))
    ),
    CreateTable(Table("public", "users", (COL,))),
    DropTable(Table("public", "users", (COL,))),
    EnableRowLevelSecurity(T),
    DisableRowLevelSecurity(T),
    ForceRowLevelSecurity(T),
    NoForceRowLevelSecurity(T),
    AddColumn(T, COL),
    DropColumn(T, COL),
    AlterColumnType(T, COL, Column("age", "text"), True),
    AlterColumnCollation(T, Column("n", "text"), Column("n", "text", collation='"C"')),
    SetNotNull(T, COL, Column("age", "integer", not_null=True)),
    DropNotNull(T, Column("age", "integer", not_null=True), COL),
    SetDefault(T, COL, Column("age", "integer", default="0")),
    SetDefault(T, Column("age", "integer", default="1"), Column("age", "integer", default="0")),
    DropDefault(T, Column("age", "integer", default="0"), COL),
    AddIdentity(T, COL, Column("age", "integer", identity=IDENT)),
    DropIdentity(T, Column("age", "integer", identity=IDENT), COL),
    AlterIdentity(
        T,
        Column("age", "integer", identity=IDENT),
        Column("age", "integer", identity=Identity(always=False, increment=5)),
    ),
    ReplaceGeneratedColumn(T, COL, Column("age", "integer", generated="(1 + 1)")),
    AddConstraint(T, CHECK),
    DropConstraint(T, CHECK),
    ValidateConstraint(T, UNVALIDATED, CHECK),
    InvalidateConstraint(T, CHECK, UNVALIDATED),
    CreateIndex(Index("public", "users_age_idx", "users", "CREATE INDEX ...")),
    DropIndex(Index("public", "users_age_idx", "users", "CREATE INDEX ...")),
    CreatePolicy(T, POLICY),
    DropPolicy(T, POLICY),
    AlterPolicy(T, POLICY, Policy("readers", command="SELECT", using="false")),
    SetComment(CommentTarget(CommentKind.TABLE, "public", "users"), None, "People"),
    SetComment(CommentTarget(CommentKind.COLUMN, "public", "age", "users"), "Years", None),
    CreateView(VIEW),
    DropView(VIEW),
    ReplaceView(VIEW, View("public", "v", " SELECT 2 AS n;")),
    CreateFunction(FN),
    DropFunction(FN),
    ReplaceFunction(FN, FN_BODY),
    RecreateFunction(FN, Function("public", "f", "", "", "CREATE ...", result="bigint")),
    CreateTrigger(TRIGGER),
    DropTrigger(TRIGGER),
    CreateDomain(DOMAIN),
    DropDomain(DOMAIN),
    AlterDomain(DOMAIN, Domain("public", "posint", "integer", not_null=True)),
    CommentObject(VIEW, None, "Numbers"),
    AttachPartition(T, PartitionOf("public", "events", "DEFAULT")),
    DetachPartition(T, PartitionOf("public", "events", "DEFAULT")),
    AddInherit(T, TableRef("public", "people")),
    DropInherit(T, TableRef("public", "people")),
]

# Composite and range types, privileges (diff/changes_types.py).
COMPOSITE = CompositeType("public", "pair", (CompositeAttribute("a", "integer"),))
COMPOSITE2 = CompositeType("public", "pair", (CompositeAttribute("b", "text"),))
RANGE = RangeType("public", "floatrange", "double precision")
GRANT = Privilege(PrivilegeKind.TABLE, "public", "users", "PUBLIC", "SELECT")
SAMPLES += [
    CreateCompositeType(COMPOSITE),
    DropCompositeType(COMPOSITE),
    AlterCompositeType(COMPOSITE, COMPOSITE2),
    RecreateCompositeType(COMPOSITE, COMPOSITE2),
    CreateRangeType(RANGE),
    DropRangeType(RANGE),
    RecreateRangeType(RANGE, replace(RANGE, subtype_diff="float8mi")),
    CommentType(COMPOSITE, "a", None, "first"),
    AddPrivilege(GRANT),
    RemovePrivilege(GRANT),
    SetOwner(None, Owner(OwnedKind.TABLE, "public", "users", "reporting")),
]

# Storage settings (diff/changes_storage.py).
SAMPLES += [
    SetTableOptions(T, ("fillfactor=70",), ("fillfactor=90",)),
    SetLogged(T, True),
    SetReplicaIdentity(T, "INDEX", "t_key", "FULL", None),
    AlterColumnStorage(T, Column("body", "text"), Column("body", "text", storage="main")),
]

# Collations (diff/changes_collations.py).
COLLATION = Collation("public", "ci", "icu", "und-u-ks-level2", deterministic=False)
SAMPLES += [
    CreateCollation(COLLATION),
    DropCollation(COLLATION),
    RecreateCollation(
        COLLATION,
        replace(COLLATION, locale="und"),
        (CollationColumnUse(T, Column("name", "text", collation="public.ci")),),
    ),
]


def test_samples_cover_every_change_kind() -> None:
    assert {type(c) for c in SAMPLES} == set(ALL_CHANGE_TYPES)


@pytest.mark.parametrize("change", SAMPLES, ids=lambda c: type(c).__name__)
def test_reverse_of_reverse_is_the_change(change: Change) -> None:
    assert change.reverse().reverse() == change


@pytest.mark.parametrize("change", SAMPLES, ids=lambda c: type(c).__name__)
def test_reverse_swaps_states(change: Change) -> None:
    back = change.reverse()
    old, new = getattr(change, "old", None), getattr(change, "new", None)
    if old is not None and new is not None:
        assert (getattr(back, "old", None), getattr(back, "new", None)) == (new, old)
    elif new is not None:
        assert getattr(back, "old", None) == new
    elif old is not None:
        assert getattr(back, "new", None) == old


def test_enum_value_add_reverses_to_recreate_of_the_old_values() -> None:
    back = AddEnumValue(ENUM, ENUM3, "ok", after="sad", uses=USES).reverse()
    assert back == RecreateEnum(ENUM3, ENUM, USES)


def test_enum_change_picks_add_value_only_for_a_single_insertion() -> None:
    first = EnumType("public", "mood", ("meh", "sad", "happy"))
    assert enum_change(ENUM, first) == AddEnumValue(ENUM, first, "meh", before="sad")
    assert enum_change(ENUM, ENUM3) == AddEnumValue(ENUM, ENUM3, "ok", after="sad")
    swapped = EnumType("public", "mood", ("happy", "sad"))
    assert isinstance(enum_change(ENUM, swapped), RecreateEnum)
    two_more = EnumType("public", "mood", ("sad", "ok", "happy", "great"))
    assert isinstance(enum_change(ENUM, two_more), RecreateEnum)


def test_type_change_reverse_recomputes_using() -> None:
    forward = AlterColumnType(T, Column("n", "integer"), Column("n", "bigint"), False)
    assert forward.reverse() == AlterColumnType(
        T, Column("n", "bigint"), Column("n", "integer"), False
    )
    to_int = AlterColumnType(T, Column("n", "text"), Column("n", "integer"), True)
    assert to_int.reverse() == AlterColumnType(T, Column("n", "integer"), Column("n", "text"), True)


def test_set_default_from_nothing_reverses_to_drop_default() -> None:
    change = SetDefault(T, COL, Column("age", "integer", default="0"))
    assert change.reverse() == DropDefault(T, Column("age", "integer", default="0"), COL)


def test_recreate_that_resets_a_default_stays_a_recreate_both_ways() -> None:
    """The default the old type held is put back by the reverse, which ADD VALUE cannot."""
    use = EnumColumnUse(T, USES[0].column, replace(USES[0].column, default=None))
    forward = RecreateEnum(ENUM3, ENUM, (use,))
    back = forward.reverse()
    assert back == RecreateEnum(ENUM, ENUM3, (EnumColumnUse(T, use.after, use.column),))  # type: ignore[arg-type]
