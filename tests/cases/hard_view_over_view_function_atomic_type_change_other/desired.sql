CREATE TABLE inv (id int PRIMARY KEY, qty int, sku varchar(20));
CREATE VIEW inv_v AS SELECT id, qty FROM inv;
CREATE FUNCTION inv_total() RETURNS bigint LANGUAGE sql STABLE BEGIN ATOMIC SELECT sum(qty) FROM inv_v; END;
