-- Functions and procedures in scope (aggregates and window functions are not handled;
-- functions owned by an extension are the extension's). The identity is the name plus the
-- argument types (oidvectortypes: argument names are not part of it); the definition is
-- pg_get_functiondef, which the server prints schema-qualified because search_path is empty. Dependencies are those
-- pg_depend records (for SQL functions with a BEGIN ATOMIC body: the tables and
-- functions it uses).
WITH {{_scope}},
fn AS (
    SELECT p.oid, s.nspname, p.proname, p.prokind, p.proargtypes
    FROM pg_proc p
    JOIN scope s ON s.oid = p.pronamespace
    WHERE p.prokind IN ('f', 'p')
      AND p.oid NOT IN (SELECT objid FROM ext_member WHERE classid = 'pg_proc'::regclass)
      -- constructors of a range or multirange type come and go with the type
      AND NOT EXISTS (
          SELECT 1 FROM pg_depend dep
          WHERE dep.classid = 'pg_proc'::regclass AND dep.objid = p.oid
            AND dep.refclassid = 'pg_type'::regclass AND dep.deptype = 'i'
      )
)
SELECT
    fn.nspname::text,
    fn.proname::text,
    oidvectortypes(fn.proargtypes),
    pg_get_function_identity_arguments(fn.oid),
    pg_get_functiondef(fn.oid),
    fn.prokind = 'p',
    pg_get_function_arguments(fn.oid),
    pg_get_function_result(fn.oid),
    coalesce((
        SELECT json_agg(DISTINCT jsonb_build_array(
            CASE WHEN d.refclassid = 'pg_class'::regclass THEN 'relation' ELSE 'function' END,
            coalesce(rn.nspname, pn.nspname)::text,
            coalesce(
                rc.relname::text,
                rp.proname || '(' || oidvectortypes(rp.proargtypes) || ')'
            ),
            '[]'::jsonb
        ))
        FROM pg_depend d
        LEFT JOIN pg_class rc ON d.refclassid = 'pg_class'::regclass AND rc.oid = d.refobjid
        LEFT JOIN pg_namespace rn ON rn.oid = rc.relnamespace
        LEFT JOIN pg_proc rp ON d.refclassid = 'pg_proc'::regclass AND rp.oid = d.refobjid
        LEFT JOIN pg_namespace pn ON pn.oid = rp.pronamespace
        WHERE d.classid = 'pg_proc'::regclass AND d.objid = fn.oid AND d.deptype = 'n'
          AND d.refclassid IN ('pg_class'::regclass, 'pg_proc'::regclass)
          AND d.refobjid <> fn.oid
          AND coalesce(rn.nspname, pn.nspname) !~ '^pg_'
          AND coalesce(rn.nspname, pn.nspname) <> 'information_schema'
    ), '[]'::json),
    d.description
FROM fn
LEFT JOIN pg_description d
    ON d.objoid = fn.oid AND d.classoid = 'pg_proc'::regclass AND d.objsubid = 0
ORDER BY fn.nspname, fn.proname, 3, 4
