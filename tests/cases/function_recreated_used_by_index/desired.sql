CREATE FUNCTION norm(input text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT lower(trim(input)) $$;
CREATE TABLE users (id int PRIMARY KEY, email text);
CREATE INDEX users_norm_email ON users (public.norm(email));
