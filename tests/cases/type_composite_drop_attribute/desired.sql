CREATE TYPE pair AS (a integer, c numeric(10, 2));
CREATE TABLE t (id int PRIMARY KEY, p pair);
