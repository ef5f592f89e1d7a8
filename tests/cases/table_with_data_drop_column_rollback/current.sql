CREATE TABLE t (id int PRIMARY KEY, note text);
INSERT INTO t VALUES (1, 'x'), (2, NULL);
