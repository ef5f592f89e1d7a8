CREATE TABLE users (id bigint NOT NULL, email text, org_id bigint, age int);
INSERT INTO users SELECT g, 'u' || g || '@x', g % 3 + 1, g % 90 FROM generate_series(1, 200) g;
CREATE TABLE posts (id bigint PRIMARY KEY, user_id bigint NOT NULL, title text NOT NULL CHECK (title <> ''));
CREATE INDEX posts_user_idx ON posts (user_id);
CREATE INDEX users_org_idx ON users (org_id);
