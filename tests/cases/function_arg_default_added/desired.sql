create function add1(x int default 0) returns int language sql immutable as $$ select x + 1 $$;
