CREATE TYPE pair AS (b text, x date, a integer);
COMMENT ON COLUMN pair.a IS 'first';
