CREATE TABLE t (created timestamptz DEFAULT now());
