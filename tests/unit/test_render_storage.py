"""SQL, locks, row work and order of the storage-setting changes: storage parameters,
UNLOGGED, REPLICA IDENTITY, column STORAGE / COMPRESSION / STATISTICS."""

from __future__ import annotations

from alembic_lockplane.diff.changes import (
    AddColumn,
    AlterColumnType,
    CreateIndex,
    CreateTable,
    DropIndex,
    TableKey,
)
from alembic_lockplane.diff.changes_storage import (
    AlterColumnStorage,
    SetLogged,
    SetReplicaIdentity,
    SetTableOptions,
)
from alembic_lockplane.diff.diff import diff
from alembic_lockplane.model.objects import Column, Index, PartitionOf, Schema, Table
from alembic_lockplane.render.locks import (
    ACCESS_EXCLUSIVE,
    SHARE_UPDATE_EXCLUSIVE,
    strongest_lock,
    table_work,
)
from alembic_lockplane.render.render import render

T = TableKey("public", "t")
BODY = Column("body", "text")


def sql(change: object) -> list[str]:
    return list(render(change).statements)  # type: ignore[arg-type]


def test_create_table_spells_unlogged_and_with_options_and_toast_options() -> None:
    table = Table(
        "public",
        "t",
        (BODY,),
        unlogged=True,
        options=("fillfactor=70", "autovacuum_enabled=off"),
        toast_options=("autovacuum_enabled=false",),
    )
    [create] = sql(CreateTable(table))
    assert create == (
        "CREATE UNLOGGED TABLE public.t (body text) WITH (autovacuum_enabled = off, "
        "fillfactor = 70, toast.autovacuum_enabled = false)"
    )


def test_create_partition_puts_with_after_the_bound() -> None:
    of = PartitionOf("public", "events", "FOR VALUES IN (1)")
    [create] = sql(CreateTable(Table("public", "e1", partition_of=of, options=("fillfactor=80",))))
    assert create == (
        "CREATE TABLE public.e1 PARTITION OF public.events FOR VALUES IN (1) WITH (fillfactor = 80)"
    )


def test_create_table_sets_column_storage_after_the_create() -> None:
    col = Column("doc", "jsonb", storage="main", compression="pglz", statistics=0)
    create, storage = sql(CreateTable(Table("public", "t", (col,))))
    assert create == "CREATE TABLE public.t (doc jsonb)"
    assert storage == (
        "ALTER TABLE public.t ALTER COLUMN doc SET STORAGE MAIN, "
        "ALTER COLUMN doc SET COMPRESSION pglz, ALTER COLUMN doc SET STATISTICS 0"
    )


def test_options_set_changed_values_and_reset_gone_ones() -> None:
    change = SetTableOptions(T, ("fillfactor=70", "parallel_workers=2"), ("fillfactor=90",))
    assert sql(change) == [
        "ALTER TABLE public.t RESET (parallel_workers)",
        "ALTER TABLE public.t SET (fillfactor = 90)",
    ]
    assert sql(change.reverse()) == [
        "ALTER TABLE public.t SET (fillfactor = 70, parallel_workers = 2)"
    ]
    toast = SetTableOptions(T, (), ("autovacuum_enabled=false",), toast=True)
    assert sql(toast) == ["ALTER TABLE public.t SET (toast.autovacuum_enabled = false)"]
    assert sql(toast.reverse()) == ["ALTER TABLE public.t RESET (toast.autovacuum_enabled)"]


def test_options_lock_is_share_update_exclusive_for_vacuum_and_fillfactor_only() -> None:
    light = SetTableOptions(T, (), ("fillfactor=70", "autovacuum_vacuum_scale_factor=0.01"))
    assert strongest_lock(light) == SHARE_UPDATE_EXCLUSIVE
    heavy = SetTableOptions(T, (), ("user_catalog_table=true",))
    assert strongest_lock(heavy) == ACCESS_EXCLUSIVE
    assert not table_work(light).scans


def test_set_logged_rewrites_under_access_exclusive() -> None:
    change = SetLogged(T, unlogged=True)
    assert sql(change) == ["ALTER TABLE public.t SET UNLOGGED"]
    assert sql(change.reverse()) == ["ALTER TABLE public.t SET LOGGED"]
    assert strongest_lock(change) == ACCESS_EXCLUSIVE
    assert table_work(change).rewrites


def test_replica_identity_forms() -> None:
    assert sql(SetReplicaIdentity(T, None, None, "FULL", None)) == [
        "ALTER TABLE public.t REPLICA IDENTITY FULL"
    ]
    to_index = SetReplicaIdentity(T, "NOTHING", None, "INDEX", "t_Key")
    assert sql(to_index) == ['ALTER TABLE public.t REPLICA IDENTITY USING INDEX "t_Key"']
    assert sql(to_index.reverse()) == ["ALTER TABLE public.t REPLICA IDENTITY NOTHING"]
    assert sql(SetReplicaIdentity(T, "FULL", None, None, None)) == [
        "ALTER TABLE public.t REPLICA IDENTITY DEFAULT"
    ]


def test_statistics_alone_takes_share_update_exclusive_and_resets_to_minus_one() -> None:
    change = AlterColumnStorage(T, BODY, Column("body", "text", statistics=500))
    assert sql(change) == ["ALTER TABLE public.t ALTER COLUMN body SET STATISTICS 500"]
    assert sql(change.reverse()) == ["ALTER TABLE public.t ALTER COLUMN body SET STATISTICS -1"]
    assert strongest_lock(change) == SHARE_UPDATE_EXCLUSIVE
    assert render(change).description == "Set statistics 500 of column body of table t"
    assert render(change.reverse()).description == (
        "Set statistics default of column body of table t"
    )
    main = AlterColumnStorage(T, BODY, Column("body", "text", storage="main"))
    assert strongest_lock(main) == ACCESS_EXCLUSIVE


def test_storage_back_to_the_type_default_reads_it_from_pg_type() -> None:
    change = AlterColumnStorage(T, Column("body", "text", storage="external"), BODY)
    [stmt] = sql(change)
    assert stmt.startswith(
        "DO 'BEGIN EXECUTE ''ALTER TABLE public.t ALTER COLUMN body SET STORAGE ''"
    )
    assert "typstorage" in stmt and "''public.t''::regclass" in stmt
    back = AlterColumnStorage(T, Column("body", "text", compression="lz4"), BODY)
    assert sql(back) == ["ALTER TABLE public.t ALTER COLUMN body SET COMPRESSION DEFAULT"]


def test_added_column_gets_its_settings_in_the_same_step() -> None:
    col = Column("doc", "text", compression="pglz", storage="external")
    assert sql(AddColumn(T, col)) == [
        "ALTER TABLE public.t ADD COLUMN doc text",
        "ALTER TABLE public.t ALTER COLUMN doc SET STORAGE EXTERNAL, "
        "ALTER COLUMN doc SET COMPRESSION pglz",
    ]


def test_a_type_change_resets_storage_which_the_diff_sets_again_after_it() -> None:
    old = Table("public", "t", (Column("a", "character varying(20)", storage="main"),))
    new = Table("public", "t", (Column("a", "text", storage="main"),))
    changes = diff(Schema(tables=(old,)), Schema(tables=(new,)))
    assert [type(c) for c in changes] == [AlterColumnType, AlterColumnStorage]
    # the rollback's type change puts the old storage back itself
    assert sql(changes[0].reverse())[1] == "ALTER TABLE public.t ALTER COLUMN a SET STORAGE MAIN"


def _accounts(index: str, replica: str | None) -> Schema:
    col = Column("email", "text", not_null=True)
    table = Table(
        "public",
        "accounts",
        (col,),
        replica_identity="INDEX" if replica else None,
        replica_identity_index=replica,
    )
    definition = f"CREATE UNIQUE INDEX accounts_email ON public.accounts USING btree ({index})"
    return Schema(
        tables=(table,),
        indexes=(Index("public", "accounts_email", "accounts", definition, unique=True),),
    )


def test_replica_identity_is_reset_before_its_index_is_replaced_and_set_after() -> None:
    changes = diff(
        _accounts("email", "accounts_email"), _accounts("lower(email)", "accounts_email")
    )
    kinds = [type(c) for c in changes]
    assert kinds == [SetReplicaIdentity, DropIndex, CreateIndex, SetReplicaIdentity]
    first, last = changes[0], changes[-1]
    assert isinstance(first, SetReplicaIdentity) and first.new_kind is None
    assert isinstance(last, SetReplicaIdentity) and last.new_index == "accounts_email"


def test_replica_identity_on_a_new_index_comes_after_the_index() -> None:
    changes = diff(_accounts("email", None), _accounts("email", "accounts_email"))
    assert [type(c) for c in changes] == [SetReplicaIdentity]
    start = Schema(tables=(Table("public", "accounts", (Column("email", "text", not_null=True),)),))
    changes = diff(start, _accounts("email", "accounts_email"))
    assert [type(c) for c in changes] == [CreateIndex, SetReplicaIdentity]


def test_boolean_storage_parameters_are_read_in_one_spelling() -> None:
    from alembic_lockplane.introspect.build import storage_option

    assert storage_option("autovacuum_enabled=off") == "autovacuum_enabled=false"
    assert storage_option("vacuum_truncate=ON") == "vacuum_truncate=true"
    assert storage_option("vacuum_index_cleanup=auto") == "vacuum_index_cleanup=auto"
    assert storage_option("fillfactor=70") == "fillfactor=70"


def test_an_odd_parameter_value_is_quoted() -> None:
    [stmt] = sql(SetTableOptions(T, (), ("some_param=a b",)))
    assert stmt == "ALTER TABLE public.t SET (some_param = 'a b')"
