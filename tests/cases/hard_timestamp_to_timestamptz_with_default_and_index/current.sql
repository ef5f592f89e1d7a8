CREATE TABLE audit (id bigint PRIMARY KEY, at timestamp NOT NULL DEFAULT now(), who text);
CREATE INDEX audit_at ON audit (at DESC);
CREATE INDEX audit_day ON audit (date_trunc('day', at));
INSERT INTO audit VALUES (1, '2024-01-01 10:00', 'x');
