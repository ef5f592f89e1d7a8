CREATE TABLE t (id int PRIMARY KEY, body text);
INSERT INTO t SELECT g, 'x' FROM generate_series(1, 50) g;
