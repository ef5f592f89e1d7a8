CREATE FUNCTION fmt2(x numeric) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT round(x, 2)::text $$;
CREATE TABLE num (id int PRIMARY KEY, v numeric);
CREATE VIEW num_v AS SELECT id, fmt2(v) AS shown, fmt2(id) AS idt FROM num;
