create domain posint as int check (value > 0); comment on domain posint is 'positive';
