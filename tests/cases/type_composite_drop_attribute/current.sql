CREATE TYPE pair AS (a integer, b text, c numeric(10, 2));
CREATE TABLE t (id int PRIMARY KEY, p pair);
INSERT INTO t VALUES (1, ROW(1, 'x', 2.5));
