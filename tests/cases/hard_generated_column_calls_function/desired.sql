CREATE FUNCTION full_name(f text, l text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT f || ' ' || l $$;
CREATE TABLE person3 (id int PRIMARY KEY, first text, last text, "full" text GENERATED ALWAYS AS (full_name(first, last)) STORED);
CREATE INDEX person3_full ON person3 (full_name(lower(first), lower(last)));
