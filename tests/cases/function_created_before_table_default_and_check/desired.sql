CREATE FUNCTION gen_code() RETURNS text LANGUAGE sql VOLATILE AS $$ SELECT md5(random()::text) $$;
CREATE FUNCTION positive(n numeric) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT n > 0 $$;
CREATE TABLE orders (id int PRIMARY KEY, code text NOT NULL DEFAULT public.gen_code(), total numeric CHECK (public.positive(total)));
