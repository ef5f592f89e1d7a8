CREATE TYPE pair AS (b text, a integer);
GRANT USAGE ON TYPE pair TO pg_monitor;
