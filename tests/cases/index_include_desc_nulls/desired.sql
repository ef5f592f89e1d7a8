CREATE TABLE t (a int, b int, c text); CREATE INDEX t_multi ON t (a DESC NULLS LAST, b NULLS FIRST) INCLUDE (c);
