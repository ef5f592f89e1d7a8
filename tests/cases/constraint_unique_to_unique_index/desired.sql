CREATE TABLE t (email text); CREATE UNIQUE INDEX t_email_key ON t (email);
