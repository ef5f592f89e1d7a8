create function add1(x int) returns int language sql immutable as $$ select x + 1 $$; comment on function add1(int) is 'adds one';
