CREATE TABLE people (id int, name text, nickname text);
CREATE TABLE staff (salary numeric) INHERITS (people);
