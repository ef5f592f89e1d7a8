CREATE TABLE t (at timestamptz, k text);
