-- Standalone and serial sequences. Identity sequences (an internal, 'i', dependency on
-- their column) belong to the column; extension members ('e') are skipped; OWNED BY is
-- the automatic ('a') dependency on a table column. Sequences owned by an excluded table
-- are excluded with it.
WITH {{_scope}}
SELECT
    s.nspname::text,
    c.relname::text,
    format_type(q.seqtypid, NULL),
    q.seqstart,
    q.seqincrement,
    q.seqmin,
    q.seqmax,
    q.seqcache,
    q.seqcycle,
    own.nspname::text,
    own.relname::text,
    own.attname::text,
    d.description
FROM pg_class c
JOIN scope s ON s.oid = c.relnamespace
JOIN pg_sequence q ON q.seqrelid = c.oid
LEFT JOIN LATERAL (
    SELECT tn.nspname, tc.relname, a.attname, tc.oid
    FROM pg_depend dep
    JOIN pg_class tc ON tc.oid = dep.refobjid
    JOIN pg_namespace tn ON tn.oid = tc.relnamespace
    JOIN pg_attribute a ON a.attrelid = tc.oid AND a.attnum = dep.refobjsubid
    WHERE dep.classid = 'pg_class'::regclass
      AND dep.objid = c.oid
      AND dep.refclassid = 'pg_class'::regclass
      AND dep.refobjsubid > 0
      AND dep.deptype = 'a'
    LIMIT 1
) own ON true
LEFT JOIN pg_description d
    ON d.objoid = c.oid AND d.classoid = 'pg_class'::regclass AND d.objsubid = 0
WHERE c.relkind = 'S'
  AND c.oid NOT IN (SELECT objid FROM ext_member WHERE classid = 'pg_class'::regclass)
  AND NOT EXISTS (
      SELECT 1 FROM pg_depend dep
      WHERE dep.classid = 'pg_class'::regclass AND dep.objid = c.oid AND dep.deptype = 'i'
  )
  AND (own.oid IS NULL OR own.oid NOT IN (SELECT oid FROM excluded))
ORDER BY s.nspname, c.relname
