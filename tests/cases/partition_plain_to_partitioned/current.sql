CREATE TABLE events (id bigint NOT NULL, at date NOT NULL, kind text, PRIMARY KEY (id, at));
CREATE INDEX events_kind_idx ON events (kind);
