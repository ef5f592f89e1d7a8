CREATE UNLOGGED TABLE sessions (id bigint PRIMARY KEY, data text);
CREATE INDEX sessions_data ON sessions (data);
