CREATE TYPE pair AS (a integer, b text);
COMMENT ON COLUMN pair.b IS 'old';
