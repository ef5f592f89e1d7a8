CREATE TABLE metrics (id bigint NOT NULL, at date NOT NULL, host text NOT NULL) PARTITION BY RANGE (at);
CREATE TABLE metrics_2024 PARTITION OF metrics FOR VALUES FROM ('2024-01-01') TO ('2025-01-01') PARTITION BY LIST (host);
CREATE TABLE metrics_2024_a PARTITION OF metrics_2024 FOR VALUES IN ('a');
CREATE TABLE metrics_2024_b PARTITION OF metrics_2024 FOR VALUES IN ('b');
CREATE INDEX metrics_host_idx ON metrics (host, at);
