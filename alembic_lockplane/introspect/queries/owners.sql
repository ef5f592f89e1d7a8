-- Owners of the objects in the model that the role reading the catalog does not own
-- (run only when owners are managed). The public schema is left out (its owner differs
-- between PostgreSQL majors: pg_database_owner from 15), and so are sequences owned by a
-- column (their owner follows the table's), identity sequences and range constructors.
WITH {{_scope}},
obj AS (
    SELECT 'schema'::text AS kind, s.nspname AS schema, s.nspname AS name,
           NULL::text AS args, n.nspowner AS owner
    FROM scope s
    JOIN pg_namespace n ON n.oid = s.oid
    WHERE s.nspname <> 'public'
    UNION ALL
    SELECT CASE c.relkind
               WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized_view'
               WHEN 'S' THEN 'sequence' ELSE 'table'
           END,
           s.nspname, c.relname, NULL, c.relowner
    FROM pg_class c
    JOIN scope s ON s.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S')
      AND c.oid NOT IN (SELECT oid FROM excluded)
      AND c.oid NOT IN (SELECT objid FROM ext_member WHERE classid = 'pg_class'::regclass)
      AND NOT EXISTS (
          SELECT 1 FROM pg_depend dep
          WHERE c.relkind = 'S' AND dep.classid = 'pg_class'::regclass
            AND dep.objid = c.oid AND dep.deptype IN ('i', 'a')
      )
    UNION ALL
    SELECT 'function', s.nspname, p.proname, oidvectortypes(p.proargtypes), p.proowner
    FROM pg_proc p
    JOIN scope s ON s.oid = p.pronamespace
    WHERE p.prokind IN ('f', 'p')
      AND p.oid NOT IN (SELECT objid FROM ext_member WHERE classid = 'pg_proc'::regclass)
      AND NOT EXISTS (
          SELECT 1 FROM pg_depend dep
          WHERE dep.classid = 'pg_proc'::regclass AND dep.objid = p.oid
            AND dep.refclassid = 'pg_type'::regclass AND dep.deptype = 'i'
      )
    UNION ALL
    SELECT CASE WHEN t.typtype = 'd' THEN 'domain' ELSE 'type' END,
           s.nspname, t.typname, NULL, t.typowner
    FROM pg_type t
    JOIN scope s ON s.oid = t.typnamespace
    LEFT JOIN pg_class tc ON tc.oid = t.typrelid
    WHERE t.typtype IN ('e', 'c', 'r', 'd')
      AND (t.typtype <> 'c' OR tc.relkind = 'c')
      AND t.oid NOT IN (SELECT objid FROM ext_member WHERE classid = 'pg_type'::regclass)
)
SELECT o.kind, o.schema::text, o.name::text, o.args, pg_get_userbyid(o.owner)::text
FROM obj o
WHERE pg_get_userbyid(o.owner) <> current_user
ORDER BY 2, 1, 3, 4
