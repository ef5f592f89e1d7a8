CREATE TABLE t (email text); CREATE INDEX t_lower_email ON t (lower(email));
