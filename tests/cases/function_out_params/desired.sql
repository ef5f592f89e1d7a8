create function pair(x int, out a int, out b int) language sql as $$ select x, x * 2 $$;
