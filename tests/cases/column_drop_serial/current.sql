CREATE TABLE t (name text, n serial);
