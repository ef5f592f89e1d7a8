CREATE TABLE ledger (id int, acct int, amount numeric, ts timestamptz,
  CONSTRAINT ledger_pkey PRIMARY KEY (id) DEFERRABLE INITIALLY DEFERRED,
  CONSTRAINT ledger_acct_ts UNIQUE (acct, ts) INCLUDE (amount));
CREATE INDEX ledger_ts ON ledger (ts) WITH (fillfactor = 70);
