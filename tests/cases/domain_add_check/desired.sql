create domain posint as int check (value > 0); alter domain posint add constraint small check (value < 1000);
