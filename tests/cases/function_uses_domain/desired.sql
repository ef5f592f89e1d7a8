create domain posint as int check (value > 0); create function half(x posint) returns int language sql as $$ select x / 2 $$;
