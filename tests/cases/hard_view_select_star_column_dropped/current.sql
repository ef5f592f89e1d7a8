CREATE TABLE m (id int PRIMARY KEY, b text, a text);
CREATE VIEW mv AS SELECT * FROM m;
