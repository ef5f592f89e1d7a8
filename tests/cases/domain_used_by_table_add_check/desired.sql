create domain posint as int check (value > 0); create table t(n posint);
