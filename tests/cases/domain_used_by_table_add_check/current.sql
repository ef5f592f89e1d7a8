create domain posint as int; create table t(n posint);
