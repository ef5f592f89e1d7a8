CREATE TYPE st AS ENUM ('new', 'done'); CREATE TABLE t (s st NOT NULL DEFAULT 'new');
