CREATE SCHEMA a; CREATE SCHEMA b;
CREATE TABLE a.item (id int PRIMARY KEY, v int);
CREATE TABLE b.item (id int PRIMARY KEY, v int);
CREATE INDEX item_v ON a.item (v);
CREATE INDEX item_v ON b.item (v);
CREATE VIEW a.item_view AS SELECT id FROM a.item;
CREATE VIEW b.item_view AS SELECT id FROM b.item;
