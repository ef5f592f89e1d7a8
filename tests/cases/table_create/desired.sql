CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL UNIQUE, age integer CHECK (age > 0), created_at timestamptz NOT NULL DEFAULT now());
