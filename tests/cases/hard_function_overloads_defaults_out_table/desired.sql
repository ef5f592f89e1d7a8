CREATE FUNCTION area(r float8) RETURNS float8 LANGUAGE sql IMMUTABLE AS $$ SELECT pi() * r * r $$;
CREATE FUNCTION area(w int, h int DEFAULT 1) RETURNS int LANGUAGE sql IMMUTABLE AS $$ SELECT w * h $$;
CREATE FUNCTION area(w numeric, h numeric, OUT a numeric, OUT p numeric) LANGUAGE sql IMMUTABLE AS $$ SELECT w * h, 2 * (w + h) $$;
CREATE FUNCTION squares(n int) RETURNS TABLE (i int, sq int) LANGUAGE sql AS $$ SELECT g, g * g FROM generate_series(1, n) g $$;
