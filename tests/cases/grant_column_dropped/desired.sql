CREATE TABLE t (id int);
GRANT SELECT (id) ON t TO pg_monitor;
