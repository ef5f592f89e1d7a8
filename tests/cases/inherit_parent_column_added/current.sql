CREATE TABLE people (id int PRIMARY KEY, name text NOT NULL DEFAULT '', CONSTRAINT name_len CHECK (length(name) < 100));
CREATE TABLE staff (salary numeric) INHERITS (people);
