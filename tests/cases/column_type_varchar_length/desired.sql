CREATE TABLE t (s varchar(200));
