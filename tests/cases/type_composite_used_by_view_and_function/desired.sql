CREATE TYPE pair AS (a integer, b text, c date);
CREATE TABLE t (id int PRIMARY KEY, p pair);
CREATE VIEW v AS SELECT id, (p).a AS a, (p).c AS c FROM t;
CREATE FUNCTION first_of(x pair) RETURNS integer LANGUAGE sql AS 'SELECT (x).a';
GRANT SELECT ON v TO pg_monitor;
