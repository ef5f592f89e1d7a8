CREATE TABLE events (id bigint NOT NULL, at date NOT NULL, kind text, PRIMARY KEY (id, at)) PARTITION BY LIST (at);
CREATE TABLE events_2024 PARTITION OF events DEFAULT;
CREATE INDEX events_kind_idx ON events (kind);
CREATE TABLE notes (id int PRIMARY KEY, event_id bigint, event_at date, FOREIGN KEY (event_id, event_at) REFERENCES events (id, at));
CREATE VIEW recent_events AS SELECT id, kind FROM events WHERE at > '2024-06-01';
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER events_touch BEFORE INSERT ON events FOR EACH ROW EXECUTE FUNCTION touch();
