CREATE TABLE t (code text); CREATE INDEX t_code ON t (code);
