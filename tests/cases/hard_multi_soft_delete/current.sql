CREATE TABLE account2 (id int PRIMARY KEY, email text NOT NULL);
CREATE UNIQUE INDEX account2_email ON account2 (lower(email));
CREATE TABLE login2 (id int PRIMARY KEY, account_id int NOT NULL REFERENCES account2);
