CREATE TABLE accounts (id int PRIMARY KEY, name text);
CREATE TABLE invoices (id int PRIMARY KEY, amount numeric(12,2) NOT NULL CHECK (amount >= 0), account_id int NOT NULL REFERENCES accounts);
ALTER TABLE invoices ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant ON invoices USING (account_id = current_setting('app.account_id')::int);
CREATE INDEX invoices_account_idx ON invoices (account_id);
