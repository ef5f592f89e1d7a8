CREATE TABLE codes (code text PRIMARY KEY);
CREATE FUNCTION known(c text) RETURNS boolean LANGUAGE sql STABLE
    BEGIN ATOMIC SELECT EXISTS (SELECT 1 FROM public.codes WHERE code = c); END;
CREATE TABLE zz_items (id int PRIMARY KEY, code text CONSTRAINT zz_items_code_check CHECK (public.known(code)));
