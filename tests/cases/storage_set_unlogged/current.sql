CREATE TABLE sessions (id bigint PRIMARY KEY, data text);
CREATE INDEX sessions_data ON sessions (data);
INSERT INTO sessions SELECT g, g::text FROM generate_series(1, 100) g;
