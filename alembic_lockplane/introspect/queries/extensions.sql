-- Extensions installed in a schema in scope or in pg_catalog; plpgsql is in every database.
WITH {{_scope}}
SELECT e.extname::text, n.nspname::text, e.extversion, d.description
FROM pg_extension e
JOIN pg_namespace n ON n.oid = e.extnamespace
LEFT JOIN pg_description d
    ON d.objoid = e.oid AND d.classoid = 'pg_extension'::regclass AND d.objsubid = 0
WHERE e.extname <> 'plpgsql'
  AND (n.oid IN (SELECT oid FROM scope) OR n.nspname = 'pg_catalog')
ORDER BY e.extname
