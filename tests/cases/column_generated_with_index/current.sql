CREATE TABLE t (w int, a int GENERATED ALWAYS AS (w * 2) STORED);
CREATE INDEX t_a_idx ON t (a);
