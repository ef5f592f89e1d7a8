create table t(id int primary key, a text, b int); create function ids() returns setof int language sql as $$ select id from public.t $$;
