create function total(variadic xs int[]) returns int language sql as $$ select sum(x)::int from unnest(xs) x $$;
