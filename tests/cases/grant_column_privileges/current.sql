CREATE TABLE t (id int PRIMARY KEY, name text, secret text);
GRANT SELECT (secret) ON t TO pg_monitor;
