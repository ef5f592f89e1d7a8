create domain posint as int constraint c check (value > 0);
