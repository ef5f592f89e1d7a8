CREATE TABLE people (id int PRIMARY KEY, name text NOT NULL DEFAULT '', email text, CONSTRAINT name_len CHECK (length(name) < 100));
CREATE TABLE staff (salary numeric) INHERITS (people);
