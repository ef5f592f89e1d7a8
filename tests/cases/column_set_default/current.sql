CREATE TABLE t (created timestamptz);
