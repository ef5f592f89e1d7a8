CREATE TYPE pair AS (a integer);
CREATE TABLE t (id int PRIMARY KEY, p pair);
ALTER TYPE pair ADD ATTRIBUTE b varchar(20);
COMMENT ON COLUMN pair.b IS 'second';
