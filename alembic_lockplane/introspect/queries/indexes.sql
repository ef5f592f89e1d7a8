-- Standalone indexes of the tables in scope. Indexes that back a PRIMARY KEY, UNIQUE or
-- EXCLUDE constraint of their own table belong to that constraint and are left out (a
-- foreign key also records an index in conindid, but on the referenced table).
-- Per key: the server's rendering of the column or expression (pg_get_indexdef with a
-- column number prints the key alone), the operator class when it is not a default one,
-- the collation the key sorts by when it is not its type's default (as for columns; the
-- type is the table column's, since an index may store another one, e.g. hash codes), and
-- the DESC / NULLS FIRST bits of indoption (PostgreSQL vectors are 0-based).
WITH {{_scope}}
SELECT
    t.nspname::text,
    ic.relname::text,
    t.relname::text,
    pg_get_indexdef(i.indexrelid),
    i.indisunique,
    am.amname::text,
    keys.exprs,
    keys.opclasses,
    keys.collations,
    keys.descending,
    keys.nulls_first,
    ARRAY(
        SELECT a.attname::text
        FROM generate_series(i.indnkeyatts, i.indnatts - 1) AS k (n)
        JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[k.n]
        ORDER BY k.n
    ),
    pg_get_expr(i.indpred, i.indrelid),
    {{if nulls_not_distinct then i.indnullsnotdistinct else false}},
    d.description
FROM tbl t
JOIN pg_index i ON i.indrelid = t.oid
JOIN pg_class ic ON ic.oid = i.indexrelid
JOIN pg_am am ON am.oid = ic.relam
CROSS JOIN LATERAL (
    SELECT
        array_agg(pg_get_indexdef(i.indexrelid, k.n + 1, false) ORDER BY k.n) AS exprs,
        array_agg(
            CASE
                WHEN opc.opcdefault THEN NULL
                WHEN pg_opclass_is_visible(opc.oid) THEN quote_ident(opc.opcname)
                ELSE quote_ident(opn.nspname) || '.' || quote_ident(opc.opcname)
            END
            ORDER BY k.n
        ) AS opclasses,
        array_agg(
            CASE
                WHEN i.indcollation[k.n] <> 0
                 AND i.indcollation[k.n] <> kty.typcollation
                THEN i.indcollation[k.n]::regcollation::text
            END
            ORDER BY k.n
        ) AS collations,
        array_agg((i.indoption[k.n] & 1) <> 0 ORDER BY k.n) AS descending,
        array_agg((i.indoption[k.n] & 2) <> 0 ORDER BY k.n) AS nulls_first
    FROM generate_series(0, i.indnkeyatts - 1) AS k (n)
    JOIN pg_opclass opc ON opc.oid = i.indclass[k.n]
    JOIN pg_namespace opn ON opn.oid = opc.opcnamespace
    JOIN pg_attribute ia ON ia.attrelid = i.indexrelid AND ia.attnum = k.n + 1
    LEFT JOIN pg_attribute col
        ON i.indkey[k.n] > 0 AND col.attrelid = i.indrelid AND col.attnum = i.indkey[k.n]
    JOIN pg_type kty ON kty.oid = coalesce(col.atttypid, ia.atttypid)
) keys
LEFT JOIN pg_description d
    ON d.objoid = i.indexrelid AND d.classoid = 'pg_class'::regclass AND d.objsubid = 0
WHERE NOT EXISTS (
    SELECT 1 FROM pg_constraint con
    WHERE con.conindid = i.indexrelid
      AND con.conrelid = i.indrelid
      AND con.contype IN ('p', 'u', 'x')
)
ORDER BY t.nspname, ic.relname
