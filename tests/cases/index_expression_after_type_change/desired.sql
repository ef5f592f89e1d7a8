CREATE TABLE t (s text); CREATE INDEX t_lower ON t (lower(s));
