CREATE TABLE users (id bigint NOT NULL, email text, org_id bigint, age int);
INSERT INTO users SELECT g, 'u' || g || '@x', g % 3 + 1, g % 90 FROM generate_series(1, 200) g;
ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email) INCLUDE (age);
ALTER TABLE users ADD CONSTRAINT users_id_org_key UNIQUE (id, org_id) DEFERRABLE INITIALLY DEFERRED;
COMMENT ON CONSTRAINT users_email_key ON users IS 'one account per address';
