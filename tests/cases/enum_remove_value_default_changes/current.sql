CREATE TYPE st AS ENUM ('old', 'new', 'done'); CREATE TABLE t (s st NOT NULL DEFAULT 'old');
INSERT INTO t VALUES ('new');
