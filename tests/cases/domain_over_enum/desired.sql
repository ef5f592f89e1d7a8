create type color as enum ('red', 'blue'); create domain warm as color check (value <> 'blue');
