create schema app; create domain app."Email" as text check (value like '%@%');
