CREATE TABLE usr (id int PRIMARY KEY, email text NOT NULL CHECK (email LIKE '%@%'));
CREATE UNIQUE INDEX usr_email_lower ON usr (lower(email));
