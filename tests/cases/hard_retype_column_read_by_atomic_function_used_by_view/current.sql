CREATE TABLE sale7 (id int PRIMARY KEY, region varchar(20), amt int);
CREATE FUNCTION big_sales() RETURNS SETOF int LANGUAGE sql STABLE BEGIN ATOMIC SELECT id FROM sale7 WHERE amt > 100; END;
CREATE VIEW big_sales_v AS SELECT s.id, s.region FROM sale7 s WHERE s.id IN (SELECT big_sales());
