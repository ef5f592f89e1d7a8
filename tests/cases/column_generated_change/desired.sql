CREATE TABLE t (w int, h int, a int GENERATED ALWAYS AS (w + h) STORED);
