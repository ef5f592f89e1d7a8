CREATE TABLE account2 (id int PRIMARY KEY, email text NOT NULL, deleted_at timestamptz);
CREATE UNIQUE INDEX account2_email ON account2 (lower(email)) WHERE deleted_at IS NULL;
CREATE VIEW live_account2 AS SELECT id, email FROM account2 WHERE deleted_at IS NULL;
CREATE TABLE login2 (id int PRIMARY KEY, account_id int NOT NULL REFERENCES account2);
CREATE FUNCTION soft_delete() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN UPDATE account2 SET deleted_at = now() WHERE id = OLD.id; RETURN NULL; END $$;
CREATE TRIGGER live_account2_delete INSTEAD OF DELETE ON live_account2 FOR EACH ROW EXECUTE FUNCTION soft_delete();
