CREATE TABLE art (id int PRIMARY KEY, title text, changed timestamptz);
CREATE FUNCTION art_changed() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.changed := now(); RETURN NEW; END $$;
CREATE TRIGGER art_title BEFORE UPDATE OF title ON art FOR EACH ROW EXECUTE FUNCTION art_changed();
