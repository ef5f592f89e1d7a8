CREATE TABLE t (id int PRIMARY KEY, s text);
