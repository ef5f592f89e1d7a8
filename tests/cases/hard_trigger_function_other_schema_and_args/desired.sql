CREATE SCHEMA util;
CREATE FUNCTION util.bump() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.ver := OLD.ver + TG_ARGV[0]::int; RETURN NEW; END $$;
CREATE TABLE doc4 (id int PRIMARY KEY, body text, ver int DEFAULT 0);
CREATE TRIGGER "Bump Ver" BEFORE UPDATE ON doc4 FOR EACH ROW WHEN (OLD.body IS DISTINCT FROM NEW.body) EXECUTE FUNCTION util.bump('1', 'it''s');
COMMENT ON TRIGGER "Bump Ver" ON doc4 IS 'versioning';
