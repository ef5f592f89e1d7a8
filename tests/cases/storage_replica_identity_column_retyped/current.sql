CREATE TABLE accounts (id int PRIMARY KEY, email varchar(20) NOT NULL, code int NOT NULL);
CREATE UNIQUE INDEX accounts_email ON accounts (email);
CREATE UNIQUE INDEX accounts_code ON accounts ((code * 2));
ALTER TABLE accounts REPLICA IDENTITY USING INDEX accounts_email;
INSERT INTO accounts VALUES (1, 'a@x', 1);
