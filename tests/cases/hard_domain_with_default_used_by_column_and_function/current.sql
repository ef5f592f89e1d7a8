CREATE TABLE acct (id int PRIMARY KEY, amount numeric(12,2));
