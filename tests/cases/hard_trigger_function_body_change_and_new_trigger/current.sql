CREATE TABLE post (id int PRIMARY KEY, title text, updated timestamptz);
CREATE FUNCTION set_updated() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.updated := now(); RETURN NEW; END $$;
CREATE TRIGGER post_updated BEFORE UPDATE ON post FOR EACH ROW EXECUTE FUNCTION set_updated();
