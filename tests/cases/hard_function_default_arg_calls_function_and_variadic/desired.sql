CREATE TABLE x2 (id int);
CREATE FUNCTION base_rate() RETURNS numeric LANGUAGE sql IMMUTABLE AS $$ SELECT 0.2 $$;
CREATE FUNCTION taxed(amount numeric, rate numeric DEFAULT base_rate()) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$ SELECT amount * (1 + rate) $$;
CREATE FUNCTION total_of(VARIADIC xs numeric[]) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$ SELECT sum(x) FROM unnest(xs) x $$;
