create function f(x int default 1) returns int language sql as $$ select x $$;
