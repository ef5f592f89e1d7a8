create function add1(y int) returns int language sql immutable as $$ select y + 1 $$;
