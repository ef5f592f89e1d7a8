-- Standalone indexes of the tables in scope. Indexes that back a PRIMARY KEY, UNIQUE or
-- EXCLUDE constraint of their own table belong to that constraint and are left out (a
-- foreign key also records an index in conindid, but on the referenced table).
-- Per key: the server's rendering of the column or expression (pg_get_indexdef with a
-- column number prints the key alone), the operator class when it is not a default one,
-- the collation the key sorts by when it is not its type's default (as for columns; the
-- type is the table column's, since an index may store another one, e.g. hash codes), and
-- the DESC / NULLS FIRST bits of indoption (PostgreSQL vectors are 0-based).
-- Keys are computed for all indexes in one set-level join and grouped, rather than in a
-- per-index subquery, so the cost stays linear in the number of indexes.
WITH {{_scope}},
idx AS MATERIALIZED (
    SELECT
        i.indexrelid, i.indrelid, i.indisunique, i.indnatts, i.indnkeyatts, i.indkey,
        i.indclass, i.indcollation, i.indoption, i.indpred,
        {{if nulls_not_distinct then i.indnullsnotdistinct else false}} AS nulls_not_distinct,
        t.nspname, t.relname
    FROM tbl t
    JOIN pg_index i ON i.indrelid = t.oid
    WHERE NOT EXISTS (
        SELECT 1 FROM pg_constraint con
        WHERE con.conrelid = i.indrelid
          AND con.conindid = i.indexrelid
          AND con.contype IN ('p', 'u', 'x')
    )
),
key_parts AS (
    SELECT
        x.indexrelid,
        x.n,
        pg_get_indexdef(x.indexrelid, x.n + 1, false) AS expr,
        CASE
            WHEN opc.opcdefault THEN NULL
            WHEN pg_opclass_is_visible(opc.oid) THEN quote_ident(opc.opcname)
            ELSE quote_ident(opn.nspname) || '.' || quote_ident(opc.opcname)
        END AS opclass,
        CASE
            WHEN x.indcollation[x.n] <> 0 AND x.indcollation[x.n] <> kty.typcollation
            THEN x.indcollation[x.n]::regcollation::text
        END AS key_collation,
        (x.indoption[x.n] & 1) <> 0 AS descending,
        (x.indoption[x.n] & 2) <> 0 AS nulls_first
    FROM (
        SELECT idx.*, k.n
        FROM idx
        CROSS JOIN LATERAL generate_series(0, idx.indnkeyatts - 1) AS k (n)
    ) x
    JOIN pg_opclass opc ON opc.oid = x.indclass[x.n]
    JOIN pg_namespace opn ON opn.oid = opc.opcnamespace
    JOIN pg_attribute ia ON ia.attrelid = x.indexrelid AND ia.attnum = x.n + 1
    -- indkey is 0 for an expression: no column has attnum 0
    LEFT JOIN pg_attribute col ON col.attrelid = x.indrelid AND col.attnum = x.indkey[x.n]
    JOIN pg_type kty ON kty.oid = coalesce(col.atttypid, ia.atttypid)
),
keys AS (
    SELECT
        indexrelid,
        array_agg(expr ORDER BY n) AS exprs,
        array_agg(opclass ORDER BY n) AS opclasses,
        array_agg(key_collation ORDER BY n) AS collations,
        array_agg(descending ORDER BY n) AS descending,
        array_agg(nulls_first ORDER BY n) AS nulls_first
    FROM key_parts
    GROUP BY indexrelid
),
includes AS (
    SELECT x.indexrelid, array_agg(a.attname::text ORDER BY x.n) AS columns
    FROM (
        SELECT idx.indexrelid, idx.indrelid, idx.indkey, k.n
        FROM idx
        CROSS JOIN LATERAL generate_series(idx.indnkeyatts, idx.indnatts - 1) AS k (n)
    ) x
    JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = x.indkey[x.n]
    GROUP BY x.indexrelid
)
SELECT
    idx.nspname::text,
    ic.relname::text,
    idx.relname::text,
    pg_get_indexdef(idx.indexrelid),
    idx.indisunique,
    am.amname::text,
    keys.exprs,
    keys.opclasses,
    keys.collations,
    keys.descending,
    keys.nulls_first,
    coalesce(includes.columns, '{}'::text[]),
    pg_get_expr(idx.indpred, idx.indrelid),
    idx.nulls_not_distinct,
    d.description
FROM idx
JOIN pg_class ic ON ic.oid = idx.indexrelid
JOIN pg_am am ON am.oid = ic.relam
JOIN keys ON keys.indexrelid = idx.indexrelid
LEFT JOIN includes ON includes.indexrelid = idx.indexrelid
LEFT JOIN pg_description d
    ON d.objoid = idx.indexrelid AND d.classoid = 'pg_class'::regclass AND d.objsubid = 0
ORDER BY idx.nspname, ic.relname
