CREATE TYPE pair AS (a integer, b text);
COMMENT ON TYPE pair IS 'A pair';
COMMENT ON COLUMN pair.a IS 'first';
