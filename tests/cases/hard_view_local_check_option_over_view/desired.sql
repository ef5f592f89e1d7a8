CREATE TABLE acct5 (id int PRIMARY KEY, kind text, active boolean);
CREATE VIEW acct5_active AS SELECT id, kind, active FROM acct5 WHERE active WITH CASCADED CHECK OPTION;
CREATE VIEW acct5_active_std AS SELECT id, kind, active FROM acct5_active WHERE kind = 'std' WITH LOCAL CHECK OPTION;
