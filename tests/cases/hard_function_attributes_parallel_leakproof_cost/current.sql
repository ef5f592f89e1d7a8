CREATE FUNCTION score(a int, b int) RETURNS int LANGUAGE sql IMMUTABLE AS $$ SELECT a * 10 + b $$;
CREATE FUNCTION rows_of(n int) RETURNS SETOF int LANGUAGE sql AS $$ SELECT generate_series(1, n) $$;
