CREATE SCHEMA priv;
CREATE TABLE priv.secret (id int PRIMARY KEY, v text);
CREATE FUNCTION public.get_secret(i int) RETURNS text LANGUAGE sql STABLE SECURITY DEFINER SET search_path = priv, pg_temp AS $$ SELECT v FROM secret WHERE id = i $$;
