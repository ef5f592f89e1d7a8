CREATE TABLE t (n text DEFAULT 'a');
