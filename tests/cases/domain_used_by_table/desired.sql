create domain posint as int check (value > 0); create table t(id int primary key, n posint);
