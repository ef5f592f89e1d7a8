CREATE TABLE audit (id bigint PRIMARY KEY, at timestamptz NOT NULL DEFAULT now(), who text);
CREATE INDEX audit_at ON audit (at DESC);
CREATE INDEX audit_day ON audit (date_trunc('day', at AT TIME ZONE 'UTC'));
