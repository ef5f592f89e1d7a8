create procedure f(n int) language sql as $$ select $$;
