create function f() returns int language plpgsql as $$ begin return 1; end $$;
