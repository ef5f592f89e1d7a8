CREATE TABLE post (id int PRIMARY KEY, title text, updated timestamptz);
CREATE TABLE post_log (post_id int, at timestamptz DEFAULT now());
CREATE FUNCTION set_updated() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.updated := clock_timestamp(); RETURN NEW; END $$;
CREATE FUNCTION log_post() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO post_log (post_id) VALUES (NEW.id); RETURN NULL; END $$;
CREATE TRIGGER post_updated BEFORE UPDATE OF title ON post FOR EACH ROW EXECUTE FUNCTION set_updated();
CREATE TRIGGER post_logged AFTER INSERT OR UPDATE ON post FOR EACH ROW EXECUTE FUNCTION log_post();
