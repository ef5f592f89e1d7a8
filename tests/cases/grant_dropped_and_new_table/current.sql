CREATE TABLE old_t (id int, x int);
GRANT SELECT ON old_t TO pg_monitor;
GRANT UPDATE (x) ON old_t TO PUBLIC;
