CREATE DOMAIN code3 AS char(3) CHECK (VALUE ~ '^[A-Z]{3}$');
CREATE FUNCTION default_code() RETURNS code3 LANGUAGE sql IMMUTABLE AS $$ SELECT 'EUR'::code3 $$;
CREATE TABLE cfg2 (id int PRIMARY KEY, cur code3 NOT NULL DEFAULT default_code());
