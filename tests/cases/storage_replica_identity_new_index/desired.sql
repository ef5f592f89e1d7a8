CREATE TABLE accounts (id int PRIMARY KEY, email text NOT NULL);
CREATE UNIQUE INDEX accounts_email ON accounts (email);
ALTER TABLE accounts REPLICA IDENTITY USING INDEX accounts_email;
