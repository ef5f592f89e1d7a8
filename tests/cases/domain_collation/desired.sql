create domain code as text collate "C" not null default 'x';
