CREATE TABLE t (s varchar(50)); CREATE INDEX t_lower ON t (lower(s));
