CREATE TABLE sess (id int PRIMARY KEY, token text NOT NULL DEFAULT md5(random()::text), created timestamptz NOT NULL DEFAULT now());
CREATE UNIQUE INDEX sess_token ON sess (token);
