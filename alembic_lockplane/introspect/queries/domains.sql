-- Domains in scope (not owned by an extension): base type, NOT NULL, default (deparsed
-- with search_path empty), collation when it is not the base type's, and CHECK
-- constraints (PostgreSQL 17+ also stores the NOT NULL as a constraint row; typnotnull
-- says the same on every version, so only CHECKs are read here).
WITH {{_scope}}
SELECT
    s.nspname::text,
    t.typname::text,
    format_type(t.typbasetype, t.typtypmod),
    t.typnotnull,
    pg_get_expr(t.typdefaultbin, 0),
    CASE
        WHEN t.typcollation <> 0 AND t.typcollation <> bt.typcollation
        THEN t.typcollation::regcollation::text
    END,
    coalesce((
        SELECT json_agg(json_build_array(
            con.conname::text, pg_get_constraintdef(con.oid), con.convalidated
        ) ORDER BY con.conname)
        FROM pg_constraint con
        WHERE con.contypid = t.oid AND con.contype = 'c'
    ), '[]'::json),
    d.description
FROM pg_type t
JOIN scope s ON s.oid = t.typnamespace
JOIN pg_type bt ON bt.oid = t.typbasetype
LEFT JOIN pg_description d
    ON d.objoid = t.oid AND d.classoid = 'pg_type'::regclass AND d.objsubid = 0
WHERE t.typtype = 'd'
  AND t.oid NOT IN (SELECT objid FROM ext_member WHERE classid = 'pg_type'::regclass)
ORDER BY s.nspname, t.typname
