CREATE TABLE accounts (id int PRIMARY KEY, code text NOT NULL UNIQUE);
ALTER TABLE accounts REPLICA IDENTITY USING INDEX accounts_code_key;
