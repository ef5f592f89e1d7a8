CREATE FUNCTION is_code(v text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT v ~ '^[A-Z]+$' $$;
CREATE FUNCTION default_code() RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT 'AA' $$;
CREATE DOMAIN code AS text DEFAULT public.default_code() CONSTRAINT code_shape CHECK (public.is_code(VALUE)) CONSTRAINT code_len CHECK (length(VALUE) < 10);
CREATE TABLE things (id int PRIMARY KEY, c public.code);
INSERT INTO things VALUES (1, 'ABC');
