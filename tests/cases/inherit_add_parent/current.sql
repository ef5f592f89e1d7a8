CREATE TABLE people (id int PRIMARY KEY, name text NOT NULL DEFAULT '', CONSTRAINT name_len CHECK (length(name) < 100));
CREATE TABLE staff (id int, name text NOT NULL DEFAULT '', salary numeric, CONSTRAINT name_len CHECK (length(name) < 100));
