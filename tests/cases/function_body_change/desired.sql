create function add1(x int) returns int language sql immutable as $$ select x + 2 $$;
