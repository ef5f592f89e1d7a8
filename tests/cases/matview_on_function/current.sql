create table t(id int primary key, a text, b int); create function add1(x int) returns int language sql immutable as $$ select x + 1 $$;
