create function f() returns int language plpgsql security definer set search_path = pg_catalog as $$ begin return 2; end $$;
