-- Row-level security policies; role 0 means PUBLIC.
WITH {{_scope}}
SELECT
    p.polrelid,
    p.polname::text,
    p.polpermissive,
    p.polcmd::text,
    ARRAY(
        SELECT CASE WHEN r.roleid = 0 THEN 'public' ELSE pg_get_userbyid(r.roleid)::text END
        FROM unnest(p.polroles) AS r (roleid)
        ORDER BY 1
    ),
    pg_get_expr(p.polqual, p.polrelid),
    pg_get_expr(p.polwithcheck, p.polrelid),
    d.description
FROM tbl t
JOIN pg_policy p ON p.polrelid = t.oid
LEFT JOIN pg_description d
    ON d.objoid = p.oid AND d.classoid = 'pg_policy'::regclass AND d.objsubid = 0
ORDER BY p.polrelid, p.polname
