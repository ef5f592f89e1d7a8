CREATE TABLE t (email text UNIQUE);
