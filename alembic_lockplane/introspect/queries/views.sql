-- Views and materialized views in scope (not owned by an extension), with their output
-- columns, WITH options, the relations and functions their rewrite rule depends on
-- (pg_depend rows of the view's _RETURN rule: the catalog's own dependency record, never
-- a parse of the query) and, for a materialized view, its indexes.
-- A column's collation is given only when it is not its type's default, as for tables.
WITH {{_scope}},
vw AS (
    SELECT c.oid, s.nspname, c.relname, c.relkind, c.reloptions
    FROM pg_class c
    JOIN scope s ON s.oid = c.relnamespace
    WHERE c.relkind IN ('v', 'm')
      AND c.oid NOT IN (SELECT objid FROM ext_member WHERE classid = 'pg_class'::regclass)
),
dep AS (
    SELECT DISTINCT r.ev_class AS view_oid, d.refclassid, d.refobjid, d.refobjsubid
    FROM vw
    JOIN pg_rewrite r ON r.ev_class = vw.oid
    JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = r.oid
    WHERE d.deptype = 'n'
      AND d.refclassid IN ('pg_class'::regclass, 'pg_proc'::regclass)
      AND NOT (d.refclassid = 'pg_class'::regclass AND d.refobjid = r.ev_class)
),
rel_dep AS (
    SELECT
        dep.view_oid, 'relation' AS kind, rn.nspname::text AS schema, rc.relname::text AS name,
        coalesce(
            array_agg(a.attname::text ORDER BY a.attname) FILTER (WHERE a.attname IS NOT NULL),
            '{}'::text[]
        ) AS columns
    FROM dep
    JOIN pg_class rc ON rc.oid = dep.refobjid
    JOIN pg_namespace rn ON rn.oid = rc.relnamespace
    LEFT JOIN pg_attribute a
        ON a.attrelid = dep.refobjid AND a.attnum = dep.refobjsubid AND dep.refobjsubid > 0
    WHERE dep.refclassid = 'pg_class'::regclass
      AND rn.nspname !~ '^pg_' AND rn.nspname <> 'information_schema'
    GROUP BY dep.view_oid, rn.nspname, rc.relname
),
fn_dep AS (
    SELECT DISTINCT
        dep.view_oid, 'function' AS kind, pn.nspname::text AS schema,
        p.proname || '(' || oidvectortypes(p.proargtypes) || ')' AS name,
        '{}'::text[] AS columns
    FROM dep
    JOIN pg_proc p ON p.oid = dep.refobjid
    JOIN pg_namespace pn ON pn.oid = p.pronamespace
    WHERE dep.refclassid = 'pg_proc'::regclass
      AND pn.nspname !~ '^pg_' AND pn.nspname <> 'information_schema'
),
all_dep AS (
    SELECT * FROM rel_dep
    UNION ALL
    SELECT * FROM fn_dep
)
SELECT
    vw.nspname::text,
    vw.relname::text,
    pg_get_viewdef(vw.oid),
    vw.relkind = 'm',
    coalesce((
        SELECT json_agg(json_build_array(
            a.attname::text,
            format_type(a.atttypid, a.atttypmod),
            CASE
                WHEN a.attcollation <> 0 AND a.attcollation <> ty.typcollation
                THEN a.attcollation::regcollation::text
            END
        ) ORDER BY a.attnum)
        FROM pg_attribute a
        JOIN pg_type ty ON ty.oid = a.atttypid
        WHERE a.attrelid = vw.oid AND a.attnum > 0 AND NOT a.attisdropped
    ), '[]'::json),
    coalesce(vw.reloptions::text[], '{}'::text[]),
    coalesce((
        SELECT json_agg(json_build_array(x.kind, x.schema, x.name, x.columns)
                        ORDER BY x.kind, x.schema, x.name)
        FROM all_dep x
        WHERE x.view_oid = vw.oid
    ), '[]'::json),
    coalesce((
        SELECT json_agg(json_build_array(
            ic.relname::text,
            pg_get_indexdef(i.indexrelid),
            i.indisunique,
            am.amname::text,
            idesc.description
        ) ORDER BY ic.relname)
        FROM pg_index i
        JOIN pg_class ic ON ic.oid = i.indexrelid
        JOIN pg_am am ON am.oid = ic.relam
        LEFT JOIN pg_description idesc
            ON idesc.objoid = i.indexrelid AND idesc.classoid = 'pg_class'::regclass
            AND idesc.objsubid = 0
        WHERE i.indrelid = vw.oid
    ), '[]'::json),
    d.description
FROM vw
LEFT JOIN pg_description d
    ON d.objoid = vw.oid AND d.classoid = 'pg_class'::regclass AND d.objsubid = 0
ORDER BY vw.nspname, vw.relname
