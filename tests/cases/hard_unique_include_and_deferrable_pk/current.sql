CREATE TABLE ledger (id int, acct int, amount numeric, ts timestamptz);
