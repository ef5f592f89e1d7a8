create domain posint as int default 1 check (value > 0);
