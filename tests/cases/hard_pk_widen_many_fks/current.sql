CREATE TABLE account (id int PRIMARY KEY, name text);
CREATE TABLE invoice (id int PRIMARY KEY, account_id int NOT NULL REFERENCES account ON DELETE CASCADE);
CREATE TABLE payment (id int PRIMARY KEY, account_id int REFERENCES account, invoice_id int REFERENCES invoice);
CREATE INDEX payment_account_idx ON payment (account_id);
INSERT INTO account VALUES (1, 'a'); INSERT INTO invoice VALUES (1, 1); INSERT INTO payment VALUES (1, 1, 1);
