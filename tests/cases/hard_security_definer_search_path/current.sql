CREATE SCHEMA priv;
CREATE TABLE priv.secret (id int PRIMARY KEY, v text);
CREATE FUNCTION public.get_secret(i int) RETURNS text LANGUAGE sql STABLE AS $$ SELECT v FROM priv.secret WHERE id = i $$;
