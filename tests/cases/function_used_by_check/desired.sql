create function add1(x int) returns int language sql immutable as $$ select x + 1 $$; create table t(id int primary key, b int check (public.add1(b) > 0));
