-- Tables in scope (relkind 'r' and 'p') with their row-level security flags.
WITH {{_scope}}
SELECT
    t.oid,
    t.nspname::text,
    t.relname::text,
    c.relrowsecurity,
    c.relforcerowsecurity,
    d.description
FROM tbl t
JOIN pg_class c ON c.oid = t.oid
LEFT JOIN pg_description d
    ON d.objoid = t.oid AND d.classoid = 'pg_class'::regclass AND d.objsubid = 0
ORDER BY t.nspname, t.relname
