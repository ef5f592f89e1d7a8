create function f(n int) returns void language sql as $$ select $$;
