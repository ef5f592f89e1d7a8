CREATE TABLE px (id int PRIMARY KEY, cents int);
CREATE FUNCTION fmt(c int) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT (c / 100.0)::text $$;
CREATE VIEW px_v AS SELECT id, fmt(cents) AS shown FROM px;
