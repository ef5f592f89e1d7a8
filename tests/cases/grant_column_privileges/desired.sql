CREATE TABLE t (id int PRIMARY KEY, name text, secret text);
GRANT SELECT (id, name), UPDATE (name) ON t TO pg_monitor;
GRANT REFERENCES (id) ON t TO PUBLIC;
