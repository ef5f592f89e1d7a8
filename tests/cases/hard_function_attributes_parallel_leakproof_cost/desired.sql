CREATE FUNCTION score(a int, b int) RETURNS int LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 5 AS $$ SELECT a * 10 + b $$;
CREATE FUNCTION rows_of(n int) RETURNS SETOF int LANGUAGE sql STABLE ROWS 50 SET work_mem = '8MB' AS $$ SELECT generate_series(1, n) $$;
COMMENT ON FUNCTION score(int, int) IS 'score';
