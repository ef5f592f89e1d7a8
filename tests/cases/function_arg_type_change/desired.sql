create function add1(x bigint) returns int language sql immutable as $$ select (x + 1)::int $$;
