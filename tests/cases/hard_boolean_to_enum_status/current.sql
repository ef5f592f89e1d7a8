CREATE TABLE acct6 (id int PRIMARY KEY, active boolean NOT NULL DEFAULT true);
CREATE INDEX acct6_active ON acct6 (id) WHERE active;
