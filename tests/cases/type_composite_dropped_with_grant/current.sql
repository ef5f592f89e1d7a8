CREATE TYPE pair AS (a integer);
REVOKE USAGE ON TYPE pair FROM PUBLIC;
CREATE TYPE floatrange AS RANGE (subtype = float8);
GRANT USAGE ON TYPE floatrange TO pg_monitor;
