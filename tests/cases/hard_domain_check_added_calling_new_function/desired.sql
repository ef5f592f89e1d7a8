CREATE FUNCTION is_slug2(t text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT t ~ '^[a-z0-9-]+$' $$;
CREATE DOMAIN slug2 AS text CONSTRAINT slug2_ok CHECK (is_slug2(VALUE));
CREATE TABLE cfg3 (id int PRIMARY KEY, s slug2);
