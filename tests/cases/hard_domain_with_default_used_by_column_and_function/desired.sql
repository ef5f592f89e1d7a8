CREATE DOMAIN money_amt AS numeric(12,2) NOT NULL DEFAULT 0 CONSTRAINT money_amt_nonneg CHECK (VALUE >= 0);
CREATE FUNCTION add_amt(a money_amt, b money_amt) RETURNS money_amt LANGUAGE sql IMMUTABLE AS $$ SELECT (a + b)::money_amt $$;
CREATE TABLE acct (id int PRIMARY KEY, amount money_amt);
