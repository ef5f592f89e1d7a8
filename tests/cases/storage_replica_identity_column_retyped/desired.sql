CREATE TABLE accounts (id int PRIMARY KEY, email text NOT NULL, code bigint NOT NULL);
CREATE UNIQUE INDEX accounts_email ON accounts (email);
CREATE UNIQUE INDEX accounts_code ON accounts ((code * 2));
ALTER TABLE accounts REPLICA IDENTITY USING INDEX accounts_email;
