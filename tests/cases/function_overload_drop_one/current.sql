create function add1(x int) returns int language sql immutable as $$ select x + 1 $$; create function add1(x text) returns text language sql immutable as $$ select x || '1' $$;
