CREATE TABLE new_t (id int, x int);
GRANT SELECT ON new_t TO pg_monitor;
GRANT UPDATE (x) ON new_t TO PUBLIC;
