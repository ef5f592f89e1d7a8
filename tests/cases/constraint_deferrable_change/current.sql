CREATE TABLE t (code text CONSTRAINT t_code_key UNIQUE);
