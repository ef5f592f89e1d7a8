CREATE TYPE pair AS (a integer, b text);
GRANT USAGE ON TYPE pair TO pg_monitor;
