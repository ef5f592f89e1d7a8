CREATE TABLE events (id bigint NOT NULL, at date NOT NULL, kind text, PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE INDEX events_2024_kind_idx ON events_2024 (kind);
ALTER TABLE events_2024 ADD CONSTRAINT events_2024_kind_check CHECK (kind IS NOT NULL);
