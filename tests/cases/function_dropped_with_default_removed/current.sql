CREATE FUNCTION stamp() RETURNS text LANGUAGE sql STABLE AS $$ SELECT now()::text $$;
CREATE TABLE t (id int PRIMARY KEY, s text DEFAULT public.stamp());
