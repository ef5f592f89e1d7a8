-- Shared CTEs, included by every query (see sql.py for the include syntax).
-- ext_member: objects that belong to an extension (pg_depend deptype 'e'), found through
--             the index on the referenced side, which stays cheap however big pg_depend is.
-- scope: user schemas (no pg_* or information_schema; none created by an extension), narrowed
--        by %(schemas)s when it is not NULL.
-- excluded: tables in scope the caller asked to leave out (e.g. alembic_version).
-- tbl: ordinary and partitioned tables in scope that no extension owns, minus excluded.
ext_member AS (
    SELECT dep.classid, dep.objid
    FROM pg_depend dep
    WHERE dep.refclassid = 'pg_extension'::regclass AND dep.deptype = 'e'
),
scope AS (
    SELECT n.oid, n.nspname
    FROM pg_namespace n
    WHERE n.nspname !~ '^pg_'
      AND n.nspname <> 'information_schema'
      AND (%(schemas)s::text[] IS NULL OR n.nspname = ANY (%(schemas)s::text[]))
      AND n.oid NOT IN (
          SELECT objid FROM ext_member WHERE classid = 'pg_namespace'::regclass
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
      AND c.oid NOT IN (SELECT objid FROM ext_member WHERE classid = 'pg_class'::regclass)
)
