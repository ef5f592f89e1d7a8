CREATE TABLE item3 (id int PRIMARY KEY, name text, extra int);
CREATE FUNCTION items() RETURNS SETOF item3 LANGUAGE sql STABLE AS $$ SELECT * FROM item3 $$;
