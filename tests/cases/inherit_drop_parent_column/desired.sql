CREATE TABLE people (id int, name text);
CREATE TABLE staff (salary numeric) INHERITS (people);
