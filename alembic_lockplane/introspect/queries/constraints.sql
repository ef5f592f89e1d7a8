-- Table constraints: primary key, unique, check, foreign key, exclusion. PostgreSQL 18's
-- NOT NULL rows (contype 'n') are left out: nullability is the column's attnotnull on every
-- version. A foreign key that references a partitioned table gets one extra row per
-- partition on the same table (conparentid set, same name): only the top one is kept.
-- Constraints PostgreSQL clones from a partitioned table onto its partitions (conparentid
-- set) and constraints inherited from a parent (coninhcount > 0) belong to the parent and
-- are left out.
WITH {{_scope}}
SELECT
    con.conrelid,
    con.conname::text,
    con.contype::text,
    pg_get_constraintdef(con.oid),
    ARRAY(
        SELECT a.attname::text
        FROM unnest(con.conkey) WITH ORDINALITY AS k (attnum, ord)
        JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum
        ORDER BY k.ord
    ),
    fn.nspname::text,
    fc.relname::text,
    ARRAY(
        SELECT a.attname::text
        FROM unnest(con.confkey) WITH ORDINALITY AS k (attnum, ord)
        JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum
        ORDER BY k.ord
    ),
    con.confupdtype::text,
    con.confdeltype::text,
    con.confmatchtype::text,
    con.condeferrable,
    con.condeferred,
    d.description
FROM tbl t
JOIN pg_constraint con ON con.conrelid = t.oid
LEFT JOIN pg_class fc ON fc.oid = con.confrelid
LEFT JOIN pg_namespace fn ON fn.oid = fc.relnamespace
LEFT JOIN pg_description d
    ON d.objoid = con.oid AND d.classoid = 'pg_constraint'::regclass AND d.objsubid = 0
WHERE con.contype IN ('p', 'u', 'c', 'f', 'x')
  AND con.conparentid = 0
  AND con.coninhcount = 0
ORDER BY con.conrelid, con.conname
