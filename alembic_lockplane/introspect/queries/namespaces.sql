-- Every schema in scope, public included.
WITH {{_scope}}
SELECT s.nspname::text, d.description
FROM scope s
LEFT JOIN pg_description d
    ON d.objoid = s.oid AND d.classoid = 'pg_namespace'::regclass AND d.objsubid = 0
ORDER BY s.nspname
