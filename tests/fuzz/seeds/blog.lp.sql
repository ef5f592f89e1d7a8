-- A small blog: every object kind the model holds
CREATE SCHEMA app;
CREATE EXTENSION pg_trgm;
CREATE TYPE app.status AS ENUM ('draft', 'published', 'it''s');
CREATE SEQUENCE app.counter START 10 INCREMENT 5;
CREATE TABLE app.users (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email text NOT NULL UNIQUE,
    "Display Name" varchar(200) COLLATE "C",
    created_at timestamptz NOT NULL DEFAULT now(),
    score numeric(10, 2) DEFAULT 0 CHECK (score >= 0),
    tags text[] DEFAULT '{}'
);
CREATE TABLE app.posts (
    id serial PRIMARY KEY,
    user_id bigint NOT NULL REFERENCES app.users ON DELETE CASCADE,
    title text NOT NULL DEFAULT '50% off :x $$',
    status app.status NOT NULL DEFAULT 'draft',
    body jsonb,
    total int GENERATED ALWAYS AS (length(title)) STORED
);
CREATE INDEX posts_title_trgm ON app.posts USING gin (title gin_trgm_ops);
CREATE UNIQUE INDEX posts_user_title ON app.posts (user_id, lower(title)) WHERE status = 'published';
ALTER TABLE app.posts ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_posts ON app.posts FOR SELECT USING (user_id = 1);
COMMENT ON TABLE app.users IS 'People';
COMMENT ON COLUMN app.users.email IS 'Login, unique';
