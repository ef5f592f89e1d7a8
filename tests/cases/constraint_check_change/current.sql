CREATE TABLE t (n int CONSTRAINT n_range CHECK (n > 0));
