CREATE TABLE t (id bigint, v text); INSERT INTO t SELECT g, 'x' FROM generate_series(1, 50) g;
