CREATE TABLE px (id int PRIMARY KEY, cents bigint);
CREATE FUNCTION fmt(c bigint) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT (c / 100.0)::text $$;
CREATE VIEW px_v AS SELECT id, fmt(cents) AS shown FROM px;
