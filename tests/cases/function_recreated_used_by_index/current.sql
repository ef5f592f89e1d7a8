CREATE FUNCTION norm(s text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT lower(s) $$;
CREATE TABLE users (id int PRIMARY KEY, email text);
CREATE INDEX users_norm_email ON users (public.norm(email));
