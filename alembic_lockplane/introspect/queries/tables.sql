-- Tables in scope (relkind 'r' and 'p') with their row-level security flags, and how they
-- take part in partitioning and inheritance: the partition key of a partitioned table
-- (pg_get_partkeydef), the parent and bound of a partition (pg_inherits, relpartbound),
-- and the INHERITS parents of any other table in inhseqno order. The parents are read in
-- one grouped pass over pg_inherits, not per table. Storage settings: UNLOGGED
-- (relpersistence), the reloptions of the table and of its TOAST table, and the replica
-- identity with the index it uses (at most one index per table has indisreplident). A
-- partitioned table has no storage: PostgreSQL before 18 accepts UNLOGGED on one without
-- effect on its partitions (18 refuses it), so it is not read there.
WITH {{_scope}},
parents AS (
    SELECT
        i.inhrelid,
        array_agg(pn.nspname::text ORDER BY i.inhseqno) AS parent_schemas,
        array_agg(pc.relname::text ORDER BY i.inhseqno) AS parent_names
    FROM pg_inherits i
    JOIN tbl t ON t.oid = i.inhrelid
    JOIN pg_class pc ON pc.oid = i.inhparent
    JOIN pg_namespace pn ON pn.oid = pc.relnamespace
    GROUP BY i.inhrelid
)
SELECT
    t.oid,
    t.nspname::text,
    t.relname::text,
    c.relrowsecurity,
    c.relforcerowsecurity,
    d.description,
    CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END,
    c.relispartition,
    CASE WHEN c.relispartition THEN pg_get_expr(c.relpartbound, c.oid) END,
    p.parent_schemas,
    p.parent_names,
    c.relpersistence = 'u' AND c.relkind <> 'p',
    c.reloptions::text[],
    toast.reloptions::text[],
    c.relreplident::text,
    ric.relname::text
FROM tbl t
JOIN pg_class c ON c.oid = t.oid
LEFT JOIN parents p ON p.inhrelid = t.oid
LEFT JOIN pg_class toast ON toast.oid = c.reltoastrelid AND c.reltoastrelid <> 0
LEFT JOIN pg_index ri ON ri.indrelid = t.oid AND ri.indisreplident
LEFT JOIN pg_class ric ON ric.oid = ri.indexrelid
LEFT JOIN pg_description d
    ON d.objoid = t.oid AND d.classoid = 'pg_class'::regclass AND d.objsubid = 0
ORDER BY t.nspname, t.relname
