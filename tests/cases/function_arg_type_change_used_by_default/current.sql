CREATE FUNCTION code(n integer) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT 'c' || n $$;
CREATE TABLE items (id int PRIMARY KEY, code text DEFAULT public.code(1));
