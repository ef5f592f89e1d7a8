CREATE FUNCTION cents(value numeric) RETURNS bigint LANGUAGE sql IMMUTABLE AS $$ SELECT round(value * 100)::bigint $$;
CREATE TABLE prices (id int PRIMARY KEY, amount numeric, amount_cents bigint GENERATED ALWAYS AS (public.cents(amount)) STORED);
