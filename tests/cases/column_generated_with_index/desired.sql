CREATE TABLE t (w int, a int GENERATED ALWAYS AS (w * 3) STORED);
CREATE INDEX t_a_idx ON t (a);
