CREATE TYPE tier AS ENUM ('free', 'pro', 'enterprise');
CREATE TABLE acct9 (id int PRIMARY KEY, t tier NOT NULL DEFAULT 'free');
CREATE VIEW acct9_v AS SELECT id, t FROM acct9;
CREATE VIEW acct9_paid AS SELECT id FROM acct9_v WHERE t <> 'free';
CREATE MATERIALIZED VIEW acct9_counts AS SELECT t, count(*) AS n FROM acct9 GROUP BY t;
