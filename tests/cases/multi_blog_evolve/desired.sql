CREATE TYPE post_status AS ENUM ('draft', 'published');
CREATE TABLE users (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email text NOT NULL UNIQUE, name varchar(200), created_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE posts (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, user_id bigint NOT NULL REFERENCES users ON DELETE CASCADE, title text NOT NULL DEFAULT '', status post_status NOT NULL DEFAULT 'draft');
CREATE TABLE comments (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, post_id bigint NOT NULL REFERENCES posts, user_id bigint REFERENCES users, body text NOT NULL);
CREATE INDEX posts_user_id_idx ON posts (user_id, status);
CREATE INDEX comments_post_id_idx ON comments (post_id);
COMMENT ON TABLE comments IS 'Reader comments';
