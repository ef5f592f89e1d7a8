CREATE FUNCTION next_code(p text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT p || '-1' $$;
CREATE TABLE items (id int PRIMARY KEY, code text DEFAULT public.next_code('IT'), name text);
