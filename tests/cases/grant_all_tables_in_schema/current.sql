CREATE SCHEMA rep;
CREATE TABLE rep.a (id int);
CREATE TABLE rep.b (id int);
CREATE VIEW rep.c AS SELECT id FROM rep.a;
