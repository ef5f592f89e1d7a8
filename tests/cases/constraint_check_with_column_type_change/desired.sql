CREATE TABLE t (n numeric CONSTRAINT n_pos CHECK (n > 0.5));
