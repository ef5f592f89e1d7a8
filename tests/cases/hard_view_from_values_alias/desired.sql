CREATE TABLE z2 (id int);
CREATE VIEW vals2 AS SELECT * FROM (VALUES (1, 'a'), (2, 'b')) AS v(k, label);
