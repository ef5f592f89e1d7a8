-- Shared CTEs, included by every query (see sql.py for the include syntax).
-- scope: user schemas (no pg_* or information_schema; none created by an extension), narrowed
--        by %(schemas)s when it is not NULL.
-- excluded: tables in scope the caller asked to leave out (e.g. alembic_version).
-- tbl: ordinary and partitioned tables in scope that no extension owns, minus excluded.
scope AS (
    SELECT n.oid, n.nspname
    FROM pg_namespace n
    WHERE n.nspname !~ '^pg_'
      AND n.nspname <> 'information_schema'
      AND (%(schemas)s::text[] IS NULL OR n.nspname = ANY (%(schemas)s::text[]))
      AND NOT EXISTS (
          SELECT 1 FROM pg_depend dep
          WHERE dep.classid = 'pg_namespace'::regclass AND dep.objid = n.oid AND dep.deptype = 'e'
      )
),
excluded AS (
    SELECT c.oid
    FROM pg_class c
    JOIN scope s ON s.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p')
      AND (
          c.relname = ANY (%(exclude_any)s::text[])
          OR (s.nspname, c.relname) IN (
              SELECT x.nsp, x.rel
              FROM unnest(%(exclude_schema)s::text[], %(exclude_name)s::text[]) AS x (nsp, rel)
          )
      )
),
tbl AS (
    SELECT c.oid, s.nspname, c.relname
    FROM pg_class c
    JOIN scope s ON s.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p')
      AND c.oid NOT IN (SELECT oid FROM excluded)
      AND NOT EXISTS (
          SELECT 1 FROM pg_depend dep
          WHERE dep.classid = 'pg_class'::regclass AND dep.objid = c.oid AND dep.deptype = 'e'
      )
)
