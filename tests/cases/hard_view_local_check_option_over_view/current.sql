CREATE TABLE acct5 (id int PRIMARY KEY, kind text, active boolean);
CREATE VIEW acct5_active AS SELECT id, kind, active FROM acct5 WHERE active;
