CREATE TYPE pair AS (a integer, b text);
CREATE FUNCTION make_pair(x integer) RETURNS pair LANGUAGE sql AS 'SELECT ROW(x, x::text)::public.pair';
