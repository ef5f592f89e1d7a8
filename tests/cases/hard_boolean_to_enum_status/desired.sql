CREATE TYPE acct6_state AS ENUM ('active', 'inactive');
CREATE TABLE acct6 (id int PRIMARY KEY, active boolean NOT NULL DEFAULT true, state acct6_state NOT NULL DEFAULT 'active');
CREATE INDEX acct6_active ON acct6 (id) WHERE state = 'active';
