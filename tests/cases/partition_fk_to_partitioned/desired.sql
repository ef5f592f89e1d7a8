CREATE TABLE events (id bigint NOT NULL, at date NOT NULL, kind text, PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE notes (id int PRIMARY KEY, event_id bigint, event_at date, FOREIGN KEY (event_id, event_at) REFERENCES events (id, at));
