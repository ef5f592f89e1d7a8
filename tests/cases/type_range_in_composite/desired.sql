CREATE TYPE floatrange AS RANGE (subtype = float8);
CREATE TYPE measure AS (span floatrange, unit text);
CREATE TABLE m (id int PRIMARY KEY, v measure);
