CREATE SCHEMA rep;
CREATE TABLE rep.a (id int);
CREATE TABLE rep.b (id int);
CREATE VIEW rep.c AS SELECT id FROM rep.a;
GRANT USAGE ON SCHEMA rep TO pg_monitor;
GRANT SELECT ON ALL TABLES IN SCHEMA rep TO pg_monitor;
