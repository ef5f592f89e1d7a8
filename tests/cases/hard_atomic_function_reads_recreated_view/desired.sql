CREATE TABLE sale (id int PRIMARY KEY, amount numeric, region text);
CREATE VIEW sale_v AS SELECT id, region, amount FROM sale;
CREATE FUNCTION sale_total() RETURNS numeric LANGUAGE sql STABLE BEGIN ATOMIC SELECT sum(amount) FROM sale_v; END;
