-- Standalone indexes of the tables in scope. Indexes that back a PRIMARY KEY, UNIQUE or
-- EXCLUDE constraint of their own table belong to that constraint and are left out (a
-- foreign key also records an index in conindid, but on the referenced table). Indexes
-- attached to an index of a partitioned parent (a pg_inherits row; PostgreSQL creates them
-- on every partition) belong to the parent's index and are left out.
-- Per key: the server's rendering of the column or expression (pg_get_indexdef with a
-- column number prints the key alone), the operator class when it is not a default one,
-- the collation the key sorts by when it is not its type's default (as for columns; the
-- type is the table column's, since an index may store another one, e.g. hash codes), and
-- the DESC / NULLS FIRST bits of indoption (PostgreSQL vectors are 0-based).
-- Keys are computed for all indexes in one set-level join and grouped, rather than in a
-- per-index subquery, so the cost stays linear in the number of indexes. Everything else
-- about an index is read in the idx CTE and carried through the grouping: joining the
-- grouped keys back to idx let the planner, misled by catalog statistics that were never
-- gathered (a fresh database, autovacuum not yet run), pick a nested loop that rescanned idx
-- for every index (64 s instead of 0.4 s at 1,000 tables on PostgreSQL 15).
WITH {{_scope}},
idx AS MATERIALIZED (
    SELECT
        i.indexrelid, i.indrelid, i.indisunique, i.indnatts, i.indnkeyatts, i.indkey,
        i.indclass, i.indcollation, i.indoption,
        {{if nulls_not_distinct then i.indnullsnotdistinct else false}} AS nulls_not_distinct,
        t.nspname, t.relname,
        ic.relname AS index_name,
        am.amname,
        -- An index of a partitioned table prints as ON ONLY: created so, it would cover no
        -- partition (and stay invalid); without ONLY it is built on every partition too.
        CASE
            WHEN tc.relkind = 'p'
            THEN regexp_replace(pg_get_indexdef(i.indexrelid), ' ON ONLY ', ' ON ')
            ELSE pg_get_indexdef(i.indexrelid)
        END AS indexdef,
        pg_get_expr(i.indpred, i.indrelid) AS predicate,
        CASE WHEN i.indnatts > i.indnkeyatts THEN ARRAY(
            SELECT a.attname::text
            FROM generate_series(i.indnkeyatts, i.indnatts - 1) AS k (n)
            JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[k.n]
            ORDER BY k.n
        ) ELSE '{}'::text[] END AS include_columns,
        d.description
    FROM tbl t
    JOIN pg_index i ON i.indrelid = t.oid
    JOIN pg_class ic ON ic.oid = i.indexrelid
    JOIN pg_class tc ON tc.oid = i.indrelid
    JOIN pg_am am ON am.oid = ic.relam
    LEFT JOIN pg_description d
        ON d.objoid = i.indexrelid AND d.classoid = 'pg_class'::regclass AND d.objsubid = 0
    WHERE NOT EXISTS (
        SELECT 1 FROM pg_constraint con
        WHERE con.conrelid = i.indrelid
          AND con.conindid = i.indexrelid
          AND con.contype IN ('p', 'u', 'x')
    )
      AND NOT EXISTS (SELECT 1 FROM pg_inherits ih WHERE ih.inhrelid = i.indexrelid)
),
key_parts AS (
    SELECT
        x.indexrelid, x.nspname, x.relname, x.index_name, x.amname, x.indexdef, x.predicate,
        x.indisunique, x.nulls_not_distinct, x.include_columns, x.description,
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
)
SELECT
    nspname::text,
    index_name::text,
    relname::text,
    indexdef,
    indisunique,
    amname::text,
    array_agg(expr ORDER BY n),
    array_agg(opclass ORDER BY n),
    array_agg(key_collation ORDER BY n),
    array_agg(descending ORDER BY n),
    array_agg(nulls_first ORDER BY n),
    include_columns,
    predicate,
    nulls_not_distinct,
    description
FROM key_parts
GROUP BY
    indexrelid, nspname, index_name, relname, indexdef, indisunique, amname, include_columns,
    predicate, nulls_not_distinct, description
ORDER BY nspname, index_name
