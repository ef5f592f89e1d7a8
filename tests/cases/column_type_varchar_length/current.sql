CREATE TABLE t (s varchar(10));
