CREATE TABLE t (w int, a int);
