CREATE TYPE st AS ENUM ('c', 'a'); CREATE TABLE t (s st); CREATE INDEX t_s ON t (s);
