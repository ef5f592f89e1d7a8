CREATE TABLE t (id int, gone text);
GRANT SELECT (id, gone) ON t TO pg_monitor;
