CREATE TABLE t (id serial PRIMARY KEY);
GRANT SELECT, INSERT ON t TO pg_monitor;
GRANT USAGE ON SEQUENCE t_id_seq TO pg_monitor;
