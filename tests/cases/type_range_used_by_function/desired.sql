CREATE TYPE floatrange AS RANGE (subtype = float8, subtype_diff = float8mi);
CREATE FUNCTION width(r floatrange) RETURNS double precision LANGUAGE sql IMMUTABLE
    AS 'SELECT upper(r) - lower(r)';
COMMENT ON TYPE floatrange IS 'ranges of doubles';
