CREATE TYPE mood AS ENUM ('a', 'b');
REVOKE USAGE ON TYPE mood FROM PUBLIC;
CREATE DOMAIN posint AS integer CHECK (VALUE > 0);
REVOKE USAGE ON DOMAIN posint FROM PUBLIC;
GRANT USAGE ON DOMAIN posint TO pg_monitor;
CREATE TYPE pair AS (a integer);
REVOKE USAGE ON TYPE pair FROM PUBLIC;
CREATE TYPE floatrange AS RANGE (subtype = float8);
GRANT USAGE ON TYPE floatrange TO pg_monitor;
