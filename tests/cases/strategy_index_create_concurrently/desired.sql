CREATE TABLE users (id bigint NOT NULL, email text, org_id bigint, age int);
INSERT INTO users SELECT g, 'u' || g || '@x', g % 3 + 1, g % 90 FROM generate_series(1, 200) g;
CREATE INDEX users_email_idx ON users (lower(email)) WHERE age > 18;
COMMENT ON INDEX users_email_idx IS 'login lookups';
CREATE UNIQUE INDEX users_id_key2 ON users (id) INCLUDE (email);
