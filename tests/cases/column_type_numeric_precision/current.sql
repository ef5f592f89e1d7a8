CREATE TABLE t (price numeric(10,2));
