-- Columns of the tables in scope, in attnum order. A generated column's expression is in
-- pg_attrdef like a default; attgenerated tells them apart. An identity column's options
-- live in its internal ('i') sequence. The collation is reported only when it is not the
-- type's default one. Columns a table inherits (from an INHERITS parent or, for a
-- partition, its partitioned table; attinhcount > 0) belong to the parent and are left out,
-- whether the table was created with them or attached later. Storage is reported only
-- when it differs from the type's (typstorage); compression ('' = the default) exists from
-- 14; the statistics target is -1 before 17 and NULL from 17 when not set.
WITH {{_scope}}
SELECT
    a.attrelid,
    a.attname::text,
    format_type(a.atttypid, a.atttypmod),
    a.attnotnull,
    a.attgenerated::text,
    pg_get_expr(ad.adbin, ad.adrelid),
    a.attidentity::text,
    ident.seqstart,
    ident.seqincrement,
    ident.seqmin,
    ident.seqmax,
    ident.seqcache,
    ident.seqcycle,
    CASE WHEN a.attcollation <> ty.typcollation THEN a.attcollation::regcollation::text END,
    d.description,
    CASE WHEN a.attstorage <> ty.typstorage THEN a.attstorage::text END,
    {{if column_compression then NULLIF(a.attcompression::text, '') else NULL::text}},
    NULLIF(a.attstattarget::int, -1)
FROM tbl t
JOIN pg_attribute a
    ON a.attrelid = t.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attinhcount = 0
JOIN pg_type ty ON ty.oid = a.atttypid
LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
LEFT JOIN LATERAL (
    SELECT q.seqstart, q.seqincrement, q.seqmin, q.seqmax, q.seqcache, q.seqcycle
    FROM pg_depend dep
    JOIN pg_sequence q ON q.seqrelid = dep.objid
    WHERE a.attidentity <> ''
      AND dep.refclassid = 'pg_class'::regclass
      AND dep.refobjid = a.attrelid
      AND dep.refobjsubid = a.attnum
      AND dep.classid = 'pg_class'::regclass
      AND dep.deptype = 'i'
    LIMIT 1
) ident ON true
LEFT JOIN pg_description d
    ON d.objoid = a.attrelid AND d.classoid = 'pg_class'::regclass AND d.objsubid = a.attnum
ORDER BY a.attrelid, a.attnum
