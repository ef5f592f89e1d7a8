CREATE TABLE t (email text, deleted boolean); CREATE UNIQUE INDEX t_live_email ON t (email) WHERE NOT deleted;
