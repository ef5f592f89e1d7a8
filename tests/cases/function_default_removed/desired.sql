create function f(x int) returns int language sql as $$ select x $$;
