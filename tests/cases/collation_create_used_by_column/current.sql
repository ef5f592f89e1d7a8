CREATE TABLE t (id int, s text);
