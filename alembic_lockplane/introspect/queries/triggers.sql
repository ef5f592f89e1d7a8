-- User triggers on tables and views in scope, constraint triggers (CREATE CONSTRAINT
-- TRIGGER) included: not internal (foreign keys make those), not clones PostgreSQL makes on
-- each partition of a partitioned table's trigger (tgparentid set), not owned by an
-- extension. The definition is pg_get_triggerdef; the trigger function is named by its
-- schema and name(argument types), as in functions.sql.
WITH {{_scope}}
SELECT
    s.nspname::text,
    c.relname::text,
    t.tgname::text,
    pg_get_triggerdef(t.oid),
    pn.nspname::text,
    p.proname || '(' || oidvectortypes(p.proargtypes) || ')',
    d.description
FROM pg_trigger t
JOIN pg_class c ON c.oid = t.tgrelid
JOIN scope s ON s.oid = c.relnamespace
JOIN pg_proc p ON p.oid = t.tgfoid
JOIN pg_namespace pn ON pn.oid = p.pronamespace
LEFT JOIN pg_description d
    ON d.objoid = t.oid AND d.classoid = 'pg_trigger'::regclass AND d.objsubid = 0
WHERE NOT t.tgisinternal
  AND t.tgparentid = 0
  AND c.relkind IN ('r', 'p', 'v', 'm')
  AND c.oid NOT IN (SELECT objid FROM ext_member WHERE classid = 'pg_class'::regclass)
  AND NOT (
      c.relname = ANY (%(exclude_any)s::text[])
      OR (s.nspname, c.relname) IN (
          SELECT x.nsp, x.rel
          FROM unnest(%(exclude_schema)s::text[], %(exclude_name)s::text[]) AS x (nsp, rel)
      )
  )
ORDER BY s.nspname, c.relname, t.tgname
