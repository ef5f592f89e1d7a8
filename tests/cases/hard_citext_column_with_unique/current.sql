CREATE TABLE login (id int PRIMARY KEY, email text UNIQUE);
