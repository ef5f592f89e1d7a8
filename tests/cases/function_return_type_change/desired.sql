create function add1(x int) returns bigint language sql immutable as $$ select x + 1 $$;
