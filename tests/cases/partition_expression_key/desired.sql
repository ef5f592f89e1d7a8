CREATE TABLE logs (id bigint NOT NULL, at date NOT NULL, msg text) PARTITION BY RANGE ((lower(msg)), (at - 1));
CREATE TABLE logs_a PARTITION OF logs FOR VALUES FROM ('a', '2024-01-01') TO ('m', '2030-01-01');
