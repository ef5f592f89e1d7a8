create domain posint as int;
