CREATE TABLE accounts (id int PRIMARY KEY, email text NOT NULL, tenant int NOT NULL);
CREATE UNIQUE INDEX accounts_email ON accounts (tenant, email);
ALTER TABLE accounts REPLICA IDENTITY USING INDEX accounts_email;
