CREATE TABLE t (id int, email text, CONSTRAINT email_lower CHECK (email = lower(email)));
CREATE UNIQUE INDEX t_email_idx ON t (email);
