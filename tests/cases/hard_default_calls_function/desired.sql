CREATE FUNCTION gen_code() RETURNS text LANGUAGE sql AS $$ SELECT md5(random()::text) $$;
CREATE TABLE token (id int PRIMARY KEY, code text NOT NULL DEFAULT gen_code());
