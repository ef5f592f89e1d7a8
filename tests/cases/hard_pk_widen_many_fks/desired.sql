CREATE TABLE account (id bigint PRIMARY KEY, name text);
CREATE TABLE invoice (id int PRIMARY KEY, account_id bigint NOT NULL REFERENCES account ON DELETE CASCADE);
CREATE TABLE payment (id int PRIMARY KEY, account_id bigint REFERENCES account, invoice_id int REFERENCES invoice);
CREATE INDEX payment_account_idx ON payment (account_id);
