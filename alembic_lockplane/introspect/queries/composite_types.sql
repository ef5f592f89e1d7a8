-- Composite types made by CREATE TYPE ... AS (...): their pg_class row has relkind 'c'
-- (the row types of tables, views and sequences are not read). Attributes in position
-- order: name, type as format_type prints it, collation when it is not the type's
-- default, comment (stored against the pg_class row, like a column's).
WITH {{_scope}}
SELECT
    s.nspname::text,
    t.typname::text,
    coalesce((
        SELECT json_agg(json_build_array(
            a.attname::text,
            format_type(a.atttypid, a.atttypmod),
            CASE
                WHEN a.attcollation <> at.typcollation
                THEN a.attcollation::regcollation::text
            END,
            ad.description
        ) ORDER BY a.attnum)
        FROM pg_attribute a
        JOIN pg_type at ON at.oid = a.atttypid
        LEFT JOIN pg_description ad
            ON ad.objoid = c.oid AND ad.classoid = 'pg_class'::regclass
           AND ad.objsubid = a.attnum
        WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
    ), '[]'::json),
    d.description
FROM pg_type t
JOIN scope s ON s.oid = t.typnamespace
JOIN pg_class c ON c.oid = t.typrelid AND c.relkind = 'c'
LEFT JOIN pg_description d
    ON d.objoid = t.oid AND d.classoid = 'pg_type'::regclass AND d.objsubid = 0
WHERE t.typtype = 'c'
  AND t.oid NOT IN (SELECT objid FROM ext_member WHERE classid = 'pg_type'::regclass)
ORDER BY s.nspname, t.typname
