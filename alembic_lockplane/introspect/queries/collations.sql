-- Collations in scope that no extension owns (CREATE COLLATION). The provider letter
-- becomes its option name. The locale columns moved between majors (13/14: ICU locale in
-- collcollate; 15/16: colliculocale; 17+: colllocale, also for the builtin provider;
-- 16+: collicurules), so they are read through to_jsonb, which has whichever the server
-- has; build.py folds them into one shape. collversion is not read: it follows the ICU or
-- C library of the server, not the declaration.
WITH {{_scope}}
SELECT
    s.nspname::text,
    c.collname::text,
    CASE c.collprovider WHEN 'i' THEN 'icu' WHEN 'b' THEN 'builtin' ELSE 'libc' END,
    coalesce(to_jsonb(c) ->> 'colllocale', to_jsonb(c) ->> 'colliculocale'),
    c.collcollate::text,
    c.collctype::text,
    c.collisdeterministic,
    to_jsonb(c) ->> 'collicurules',
    d.description
FROM pg_collation c
JOIN scope s ON s.oid = c.collnamespace
LEFT JOIN pg_description d
    ON d.objoid = c.oid AND d.classoid = 'pg_collation'::regclass AND d.objsubid = 0
WHERE c.oid NOT IN (SELECT objid FROM ext_member WHERE classid = 'pg_collation'::regclass)
ORDER BY s.nspname, c.collname
