CREATE TABLE orgs (id bigint PRIMARY KEY);
INSERT INTO orgs SELECT g FROM generate_series(1, 3) g;
CREATE TABLE users (id bigint NOT NULL, email text, org_id bigint, age int);
INSERT INTO users SELECT g, 'u' || g || '@x', g % 3 + 1, g % 90 FROM generate_series(1, 200) g;
CREATE INDEX users_age_idx ON users (age);
