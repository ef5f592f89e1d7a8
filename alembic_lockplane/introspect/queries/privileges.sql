-- Privileges that differ from each object's default ACL (acldefault for its kind and
-- owner), for schemas, tables/views/materialized views and their columns, sequences,
-- functions/procedures and types (enum, composite, range, domain). An object whose ACL
-- is NULL has exactly the defaults and yields nothing. Each row is either an entry beyond
-- the defaults (revoked = false) or a default entry that is missing (revoked = true).
-- The owner's own entries and grantors are not compared. The public schema's stock
-- PUBLIC entries (USAGE; CREATE too before PostgreSQL 15) count as its defaults.
-- Identity sequences and the constructor functions of range types (internal
-- dependencies) are not model objects and are left out.
WITH {{_scope}},
obj AS (
    SELECT 'schema'::text AS kind, s.nspname AS schema, s.nspname AS name,
           NULL::text AS args, NULL::name AS col,
           n.nspacl AS acl, acldefault('n', n.nspowner) AS dflt, n.nspowner AS owner
    FROM scope s
    JOIN pg_namespace n ON n.oid = s.oid
    WHERE n.nspacl IS NOT NULL
    UNION ALL
    SELECT CASE WHEN c.relkind = 'S' THEN 'sequence' ELSE 'table' END, s.nspname, c.relname,
           NULL, NULL,
           c.relacl,
           acldefault(CASE WHEN c.relkind = 'S' THEN 's' ELSE 'r' END::"char", c.relowner),
           c.relowner
    FROM pg_class c
    JOIN scope s ON s.oid = c.relnamespace
    WHERE c.relacl IS NOT NULL
      AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
      AND c.oid NOT IN (SELECT oid FROM excluded)
      AND c.oid NOT IN (SELECT objid FROM ext_member WHERE classid = 'pg_class'::regclass)
      AND NOT EXISTS (
          SELECT 1 FROM pg_depend dep
          WHERE c.relkind = 'S' AND dep.classid = 'pg_class'::regclass
            AND dep.objid = c.oid AND dep.deptype = 'i'
      )
    UNION ALL
    SELECT 'table', s.nspname, c.relname, NULL, a.attname,
           a.attacl, acldefault('c', c.relowner), c.relowner
    FROM pg_attribute a
    JOIN pg_class c ON c.oid = a.attrelid
    JOIN scope s ON s.oid = c.relnamespace
    WHERE a.attacl IS NOT NULL AND a.attnum > 0 AND NOT a.attisdropped
      AND c.relkind IN ('r', 'p', 'v', 'm')
      AND c.oid NOT IN (SELECT oid FROM excluded)
      AND c.oid NOT IN (SELECT objid FROM ext_member WHERE classid = 'pg_class'::regclass)
    UNION ALL
    SELECT 'function', s.nspname, p.proname, oidvectortypes(p.proargtypes), NULL,
           p.proacl, acldefault('f', p.proowner), p.proowner
    FROM pg_proc p
    JOIN scope s ON s.oid = p.pronamespace
    WHERE p.proacl IS NOT NULL
      AND p.prokind IN ('f', 'p')
      AND p.oid NOT IN (SELECT objid FROM ext_member WHERE classid = 'pg_proc'::regclass)
      AND NOT EXISTS (
          SELECT 1 FROM pg_depend dep
          WHERE dep.classid = 'pg_proc'::regclass AND dep.objid = p.oid
            AND dep.refclassid = 'pg_type'::regclass AND dep.deptype = 'i'
      )
    UNION ALL
    SELECT 'type', s.nspname, t.typname, NULL, NULL,
           t.typacl, acldefault('T', t.typowner), t.typowner
    FROM pg_type t
    JOIN scope s ON s.oid = t.typnamespace
    LEFT JOIN pg_class tc ON tc.oid = t.typrelid
    WHERE t.typacl IS NOT NULL
      AND t.typtype IN ('e', 'c', 'r', 'd')
      AND (t.typtype <> 'c' OR tc.relkind = 'c')
      AND t.oid NOT IN (SELECT objid FROM ext_member WHERE classid = 'pg_type'::regclass)
),
entry AS (
    SELECT o.kind, o.schema, o.name, o.args, o.col,
           a.grantee, a.privilege_type, a.is_grantable, false AS revoked
    FROM obj o, aclexplode(o.acl) a
    WHERE a.grantee <> o.owner
      AND NOT EXISTS (
          SELECT 1 FROM aclexplode(o.dflt) d
          WHERE d.grantee = a.grantee AND d.privilege_type = a.privilege_type
            AND d.is_grantable = a.is_grantable
      )
    UNION ALL
    SELECT o.kind, o.schema, o.name, o.args, o.col,
           d.grantee, d.privilege_type, d.is_grantable, true
    FROM obj o, aclexplode(o.dflt) d
    WHERE d.grantee <> o.owner
      AND NOT EXISTS (
          SELECT 1 FROM aclexplode(o.acl) a
          WHERE a.grantee = d.grantee AND a.privilege_type = d.privilege_type
      )
)
SELECT DISTINCT
    e.kind,
    e.schema::text,
    e.name::text,
    e.args,
    e.col::text,
    CASE WHEN e.grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(e.grantee)::text END,
    e.privilege_type,
    e.is_grantable,
    e.revoked
FROM entry e
WHERE NOT (
    e.kind = 'schema' AND e.name = 'public' AND e.grantee = 0 AND NOT e.revoked
    AND (
        e.privilege_type = 'USAGE'
        OR (e.privilege_type = 'CREATE' AND {{if public_create_revoked then false else true}})
    )
)
ORDER BY 2, 1, 3, 4, 5, 6, 7, 8, 9
