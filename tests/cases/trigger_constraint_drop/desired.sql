CREATE FUNCTION check_stock() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.qty < 0 THEN RAISE EXCEPTION 'negative'; END IF; RETURN NULL; END $$;
CREATE TABLE stock (id int PRIMARY KEY, qty int);
