CREATE TABLE sale (id int PRIMARY KEY, amount numeric);
CREATE VIEW sale_v AS SELECT id, amount FROM sale;
