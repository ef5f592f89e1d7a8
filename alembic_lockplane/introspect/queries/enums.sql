-- Enum types in scope that no extension owns; labels in their sort order.
WITH {{_scope}}
SELECT
    s.nspname::text,
    t.typname::text,
    ARRAY(
        SELECT e.enumlabel::text FROM pg_enum e
        WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder
    ),
    d.description
FROM pg_type t
JOIN scope s ON s.oid = t.typnamespace
LEFT JOIN pg_description d
    ON d.objoid = t.oid AND d.classoid = 'pg_type'::regclass AND d.objsubid = 0
WHERE t.typtype = 'e'
  AND t.oid NOT IN (SELECT objid FROM ext_member WHERE classid = 'pg_type'::regclass)
ORDER BY s.nspname, t.typname
