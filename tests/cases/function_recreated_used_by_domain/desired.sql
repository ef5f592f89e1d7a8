CREATE FUNCTION is_code(candidate text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT candidate ~ '^[A-Z]+$' $$;
CREATE FUNCTION default_code() RETURNS varchar LANGUAGE sql IMMUTABLE AS $$ SELECT 'AA'::varchar $$;
CREATE DOMAIN code AS text DEFAULT public.default_code() CONSTRAINT code_shape CHECK (public.is_code(VALUE)) CONSTRAINT code_len CHECK (length(VALUE) < 10);
CREATE TABLE things (id int PRIMARY KEY, c public.code);
