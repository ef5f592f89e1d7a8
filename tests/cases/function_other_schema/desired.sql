create schema app; create function app."Odd Name"(x int) returns int language sql as $$ select x $$;
