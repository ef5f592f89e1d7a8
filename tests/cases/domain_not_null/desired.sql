create domain posint as int not null check (value > 0);
