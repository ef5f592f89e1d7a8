create table t(id int primary key, a text, b int); create procedure bump(n int) language sql as $$ update public.t set b = b + n $$;
