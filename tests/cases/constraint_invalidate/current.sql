CREATE TABLE t (n int, CONSTRAINT pos CHECK (n > 0));
