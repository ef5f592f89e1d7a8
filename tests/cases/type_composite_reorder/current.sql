CREATE TYPE pair AS (a integer, b text);
COMMENT ON COLUMN pair.a IS 'first';
