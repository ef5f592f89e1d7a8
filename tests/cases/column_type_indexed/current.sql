CREATE TABLE t (code varchar(10)); CREATE INDEX t_code ON t (code);
