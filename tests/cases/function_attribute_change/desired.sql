create function add1(x int) returns int language sql stable strict as $$ select x + 1 $$;
