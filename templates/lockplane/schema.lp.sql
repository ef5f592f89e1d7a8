-- The desired schema, declared as plain PostgreSQL DDL. Edit it, then run
--   alembic revision --lockplane -m "describe the change"
-- alembic-lockplane plans the change from the database to this file.

CREATE TABLE users (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email text NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now()
);
