CREATE FUNCTION is_important(k text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT k IN ('alert', 'error') $$;
CREATE FUNCTION log_evt() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE NOTICE 'evt %', NEW.id; RETURN NEW; END $$;
CREATE TABLE evt2 (id int PRIMARY KEY, kind text, payload text);
CREATE TRIGGER evt2_log AFTER INSERT ON evt2 FOR EACH ROW WHEN (is_important(NEW.kind)) EXECUTE FUNCTION log_evt();
