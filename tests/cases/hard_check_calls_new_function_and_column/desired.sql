CREATE FUNCTION is_e164(t text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT t ~ '^\+[1-9][0-9]{6,14}$' $$;
CREATE TABLE phone (id int PRIMARY KEY, num text CONSTRAINT phone_num_e164 CHECK (is_e164(num)));
