"""Partition and inheritance changes on a real server: the locks the rules and docs name,
the clones PostgreSQL makes that introspection must not list as objects of their own, and
the rows a bound change keeps."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import psycopg2.extensions
import pytest

from alembic_lockplane.diff.changes import AttachPartition, DetachPartition, TableKey
from alembic_lockplane.diff.diff import diff
from alembic_lockplane.introspect import introspect
from alembic_lockplane.model.objects import PartitionOf
from alembic_lockplane.render.locks import SCAN, table_work
from alembic_lockplane.render.render import render

pytestmark = pytest.mark.db

SETUP = """
CREATE TABLE events (id bigint NOT NULL, at date NOT NULL, kind text, PRIMARY KEY (id, at),
    CHECK (kind <> '')) PARTITION BY RANGE (at);
CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE events_rest PARTITION OF events DEFAULT;
CREATE INDEX events_kind_idx ON events (kind);
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER events_touch BEFORE INSERT ON events FOR EACH ROW EXECUTE FUNCTION touch();
INSERT INTO events VALUES (1, '2024-03-01', 'a'), (2, '2030-01-01', 'b');
"""
PART = TableKey("public", "events_2024")
BOUND = PartitionOf("public", "events", "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')")


def _locks(cur: Any, statements: list[str], *tables: str) -> dict[str, set[str]]:
    cur.execute("BEGIN")
    try:
        for sql in statements:
            cur.execute(sql)
        out: dict[str, set[str]] = {}
        for table in tables:
            cur.execute(
                "SELECT mode FROM pg_locks WHERE pid = pg_backend_pid() "
                "AND relation = %s::regclass",
                (table,),
            )
            out[table] = {row[0] for row in cur.fetchall()}
        return out
    finally:
        cur.execute("ROLLBACK")


def test_clones_on_partitions_are_not_objects_of_their_own(
    conn: psycopg2.extensions.connection,
) -> None:
    with conn.cursor() as cur:
        cur.execute(SETUP)
    schema = introspect(conn)
    part = schema.table("public", "events_2024")
    assert part is not None
    assert part.columns == () and part.constraints == ()
    assert part.partition_of == BOUND
    assert [i.name for i in schema.indexes] == ["events_kind_idx"]
    assert "ON public.events USING" in schema.indexes[0].definition  # not ON ONLY
    assert [t.name for t in schema.triggers] == ["events_touch"]
    parent = schema.table("public", "events")
    assert parent is not None and parent.partition_by == "RANGE (at)"


def test_detach_and_attach_take_the_locks_the_rules_name(
    conn: psycopg2.extensions.connection,
) -> None:
    with conn.cursor() as cur:
        cur.execute(SETUP)
        detach = list(render(DetachPartition(PART, BOUND)).statements)
        locks = _locks(cur, detach, "events", "events_2024")
        assert "AccessExclusiveLock" in locks["events"]
        assert "AccessExclusiveLock" in locks["events_2024"]
        cur.execute(detach[0])
        attach = list(render(AttachPartition(PART, BOUND)).statements)
        locks = _locks(cur, attach, "events", "events_2024")
        assert "AccessExclusiveLock" in locks["events_2024"]
        assert "AccessExclusiveLock" not in locks["events"]
        assert "ShareUpdateExclusiveLock" in locks["events"]


def test_a_bound_change_keeps_the_rows_and_refuses_rows_outside_it(
    conn: psycopg2.extensions.connection,
) -> None:
    with conn.cursor() as cur:
        cur.execute(SETUP)
    current = introspect(conn)
    narrower = PartitionOf("public", "events", "FOR VALUES FROM ('2024-06-01') TO ('2025-01-01')")
    part = current.table("public", "events_2024")
    assert part is not None
    desired = replace(
        current,
        tables=tuple(replace(t, partition_of=narrower) if t is part else t for t in current.tables),
    )
    changes = diff(current, desired)
    assert [type(c).__name__ for c in changes] == ["DetachPartition", "AttachPartition"]
    with conn.cursor() as cur:
        cur.execute(render(changes[0]).statements[0])
        cur.execute("SELECT count(*) FROM events_2024")
        assert cur.fetchone() == (1,)  # detached, the row is still there
        with pytest.raises(psycopg2.errors.CheckViolation):
            cur.execute(render(changes[1]).statements[0])  # 2024-03-01 is outside


def test_attach_reads_the_table_as_its_step_claims(
    conn: psycopg2.extensions.connection,
) -> None:
    assert table_work(AttachPartition(PART, BOUND)) == SCAN
    assert table_work(DetachPartition(PART, BOUND)) != SCAN
    with conn.cursor() as cur:
        cur.execute(SETUP)
        cur.execute(render(DetachPartition(PART, BOUND)).statements[0])
        cur.execute("BEGIN")
        try:
            cur.execute(render(AttachPartition(PART, BOUND)).statements[0])
            cur.execute(
                "SELECT seq_scan FROM pg_stat_xact_user_tables WHERE relname = 'events_2024'"
            )
            row = cur.fetchone()
            assert row is not None and row[0] >= 1
        finally:
            cur.execute("ROLLBACK")
