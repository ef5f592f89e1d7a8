-- Range types in scope that no extension owns. The operator class is reported only when
-- it is not the subtype's default btree class, the collation only when it is not the
-- subtype's; canonical and subtype_diff functions print schema-qualified unless they are
-- in pg_catalog. The multirange type (PostgreSQL 14+) is reported, qualified, only when
-- its name is not the one PostgreSQL derives (the first 'range' in the range's name
-- becomes 'multirange', else '_multirange' is appended); it and the constructor functions belong to the range (internal dependencies) and are
-- read by no other query.
WITH {{_scope}}
SELECT
    s.nspname::text,
    t.typname::text,
    format_type(r.rngsubtype, NULL),
    CASE
        WHEN r.rngsubopc NOT IN (
            SELECT oc.oid FROM pg_opclass oc JOIN pg_am am ON am.oid = oc.opcmethod
            WHERE am.amname = 'btree' AND oc.opcdefault AND oc.opcintype = r.rngsubtype
        )
        THEN (
            SELECT quote_ident(ocn.nspname) || '.' || quote_ident(oc.opcname)
            FROM pg_opclass oc JOIN pg_namespace ocn ON ocn.oid = oc.opcnamespace
            WHERE oc.oid = r.rngsubopc
        )
    END,
    CASE
        WHEN r.rngcollation <> 0 AND r.rngcollation <> st.typcollation
        THEN r.rngcollation::regcollation::text
    END,
    CASE WHEN r.rngcanonical <> 0 THEN r.rngcanonical::regproc::text END,
    CASE WHEN r.rngsubdiff <> 0 THEN r.rngsubdiff::regproc::text END,
    {{if multirange then (
        SELECT quote_ident(mn.nspname) || '.' || quote_ident(mt.typname)
        FROM pg_type mt JOIN pg_namespace mn ON mn.oid = mt.typnamespace
        WHERE mt.oid = r.rngmultitypid
          AND (mt.typnamespace, mt.typname::text) <> (t.typnamespace, CASE
              WHEN position('range' IN t.typname) > 0
              THEN overlay(t.typname::text PLACING 'multirange'
                           FROM position('range' IN t.typname) FOR 5)
              ELSE t.typname || '_multirange'
          END)
    ) else NULL::text}},
    d.description
FROM pg_type t
JOIN scope s ON s.oid = t.typnamespace
JOIN pg_range r ON r.rngtypid = t.oid
JOIN pg_type st ON st.oid = r.rngsubtype
LEFT JOIN pg_description d
    ON d.objoid = t.oid AND d.classoid = 'pg_type'::regclass AND d.objsubid = 0
WHERE t.typtype = 'r'
  AND t.oid NOT IN (SELECT objid FROM ext_member WHERE classid = 'pg_type'::regclass)
ORDER BY s.nspname, t.typname
