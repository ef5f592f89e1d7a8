CREATE TABLE users (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email text NOT NULL, name text);
CREATE TABLE posts (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, user_id bigint NOT NULL REFERENCES users, title text, legacy_flag boolean);
CREATE INDEX posts_user_id_idx ON posts (user_id);
INSERT INTO users (email, name) VALUES ('a@example.com', 'A');
