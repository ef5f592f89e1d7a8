CREATE FUNCTION next_code(prefix text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT prefix || '-1' $$;
CREATE TABLE items (id int PRIMARY KEY, code text DEFAULT public.next_code('IT'), name text);
