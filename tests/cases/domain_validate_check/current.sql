create domain posint as int; alter domain posint add constraint c check (value > 0) not valid;
