CREATE FUNCTION is_slug(t text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT t ~ '^[a-z0-9-]+$' $$;
CREATE DOMAIN slug AS text CONSTRAINT slug_ok CHECK (is_slug(VALUE));
CREATE TABLE cfg (id int PRIMARY KEY, s slug);
