CREATE TYPE st AS ENUM ('a', 'b', 'c'); CREATE TABLE t (s st); CREATE INDEX t_s ON t (s);
INSERT INTO t VALUES ('a'), ('c');
