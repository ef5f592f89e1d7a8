CREATE SCHEMA crm;
COMMENT ON SCHEMA crm IS 'customers';
CREATE TYPE crm.tier AS ENUM ('free', 'pro');
CREATE SEQUENCE crm.account_no START 1000;
CREATE TABLE crm.accounts (
    id bigint PRIMARY KEY DEFAULT nextval('crm.account_no'),
    tier crm.tier NOT NULL DEFAULT 'free',
    email text NOT NULL,
    CONSTRAINT accounts_email_key UNIQUE (email)
);
ALTER SEQUENCE crm.account_no OWNED BY crm.accounts.id;
CREATE TABLE crm.contacts (
    id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id bigint NOT NULL REFERENCES crm.accounts ON DELETE CASCADE,
    name text COLLATE "C"
);
CREATE INDEX contacts_account ON crm.contacts (account_id);
ALTER TABLE crm.contacts ENABLE ROW LEVEL SECURITY;
CREATE POLICY mine ON crm.contacts FOR SELECT USING (true);
