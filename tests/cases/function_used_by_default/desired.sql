create function add1(x int) returns int language sql immutable as $$ select x + 1 $$; create table t(id int primary key, b int default public.add1(0));
