CREATE TABLE t (s text); CREATE INDEX t_s_c ON t (s COLLATE "C");
