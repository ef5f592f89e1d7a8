CREATE TYPE pair AS (a integer);
CREATE TABLE t (id int PRIMARY KEY, p pair);
