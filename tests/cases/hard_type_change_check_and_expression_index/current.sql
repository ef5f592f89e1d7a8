CREATE TABLE usr (id int PRIMARY KEY, email varchar(255) NOT NULL CHECK (email LIKE '%@%'));
CREATE UNIQUE INDEX usr_email_lower ON usr (lower(email));
INSERT INTO usr VALUES (1, 'a@b');
