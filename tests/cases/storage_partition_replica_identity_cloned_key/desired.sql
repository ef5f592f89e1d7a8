-- The partition's copy of the parent's key (created by PostgreSQL with the partition) is
-- its replica identity: set once the partition exists.
CREATE TABLE events (id int NOT NULL, at date NOT NULL, PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
ALTER TABLE events REPLICA IDENTITY USING INDEX events_pkey;
CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')
    WITH (fillfactor = 90);
ALTER TABLE events_2024 REPLICA IDENTITY USING INDEX events_2024_pkey;
