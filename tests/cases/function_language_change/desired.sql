create function f(x int) returns int language plpgsql as $$ begin return x; end $$;
